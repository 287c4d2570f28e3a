// Confirmation before destructive actions: <form data-confirm="Bạn có chắc…?">, or on one of its submit buttons
// (no inline handlers: the Content-Security-Policy allows scripts from this site's files only).
document.addEventListener("submit", function (e) {
    var form = e.target;
    var button = e.submitter;
    var question = (button && button.dataset && button.dataset.confirm) || (form instanceof HTMLFormElement && form.dataset.confirm);
    if (question && !window.confirm(question)) {
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
