// Confirmation before destructive actions: <form data-confirm="Bạn có chắc…?">
document.addEventListener("submit", function (e) {
    var form = e.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
        e.preventDefault();
    }
});

// Multi-select lookups: a ticked unit moves out of the search results (which each new search replaces)
// into the list of picked units: <div data-pick-into="#picked">…checkboxes…</div>
document.addEventListener("change", function (e) {
    var box = e.target;
    if (!(box instanceof HTMLInputElement) || box.type !== "checkbox" || !box.checked) {
        return;
    }
    var results = box.closest("[data-pick-into]");
    var target = results ? document.querySelector(results.dataset.pickInto) : null;
    var item = box.closest("label");
    if (target && item && !target.querySelector('input[value="' + box.value + '"]')) {
        target.appendChild(item);
    }
});
