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

// Lists (issue 12): every table.table gets, for phones, each cell's column name (data-label, shown by site.css when
// the rows become cards below 576 px), and headers that sort its rows by Vietnamese order, numbers or dd/MM/yyyy
// dates (click or Enter/Space; aria-sort says the order). Opt out with <table data-no-sort>. A text box
// <input data-filter-rows="#tbody-id"> hides the rows that do not contain its words, diacritics ignored.
(function () {
    var collator = new Intl.Collator("vi", { numeric: true, sensitivity: "base" });
    var exact = new Intl.Collator("vi", { numeric: true, sensitivity: "variant" });

    function fold(text) {
        return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
    }

    function cellKey(cell) {
        var text = (cell ? (cell.dataset.sort || cell.textContent) : "").trim();
        var date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(text);
        if (date) {
            return { n: +date[3] * 10000 + +date[2] * 100 + +date[1], t: text };
        }
        var plain = text.replace(/[\s%]/g, "");
        if (/^-?\d{1,3}(\.\d{3})*(,\d+)?$/.test(plain) || /^-?\d+(,\d+)?$/.test(plain)) {
            return { n: parseFloat(plain.replace(/\./g, "").replace(",", ".")), t: text };
        }
        return { n: null, t: text };
    }

    function compare(a, b) {
        if (a.n !== null && b.n !== null) {
            return a.n - b.n;
        }
        if (a.t === "" || b.t === "") {
            return a.t === "" ? (b.t === "" ? 0 : 1) : -1;
        }
        return collator.compare(a.t, b.t) || exact.compare(a.t, b.t);
    }

    function sortBy(table, th, index) {
        var body = table.tBodies[0];
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (x, y) {
            var r = compare(cellKey(x.cells[index]), cellKey(y.cells[index]));
            return ascending ? r : -r;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        Array.prototype.forEach.call(th.parentNode.cells, function (other) {
            if (other.hasAttribute("aria-sort")) {
                other.setAttribute("aria-sort", "none");
            }
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    }

    function prepare(root) {
        Array.prototype.forEach.call(root.querySelectorAll("table.table"), function (table) {
            var head = table.tHead && table.tHead.rows.length === 1 ? table.tHead.rows[0] : null;
            if (!head || table.dataset.listReady) {
                return;
            }
            table.dataset.listReady = "1";
            var labels = Array.prototype.map.call(head.cells, function (th) { return th.textContent.trim(); });
            var simple = Array.prototype.every.call(head.cells, function (th) { return th.colSpan === 1; });
            Array.prototype.forEach.call(table.tBodies, function (body) {
                Array.prototype.forEach.call(body.rows, function (row) {
                    if (row.cells.length !== labels.length) {
                        simple = false;
                        return;
                    }
                    Array.prototype.forEach.call(row.cells, function (td, i) {
                        if (labels[i] && !td.hasAttribute("data-label")) {
                            td.setAttribute("data-label", labels[i]);
                        }
                    });
                });
            });
            if (!simple || table.tBodies.length !== 1 || table.tBodies[0].rows.length < 2 || table.hasAttribute("data-no-sort")) {
                return;
            }
            Array.prototype.forEach.call(head.cells, function (th, index) {
                if (!th.textContent.trim() || th.querySelector("input, select, button, a")) {
                    return;
                }
                th.classList.add("sortable");
                th.tabIndex = 0;
                th.setAttribute("aria-sort", "none");
                th.title = "Bấm để sắp xếp theo cột này";
                th.addEventListener("click", function () { sortBy(table, th, index); });
                th.addEventListener("keydown", function (e) {
                    if (e.key === "Enter" || e.key === " ") {
                        e.preventDefault();
                        sortBy(table, th, index);
                    }
                });
            });
        });
    }

    document.addEventListener("input", function (e) {
        var box = e.target;
        if (!(box instanceof HTMLInputElement) || !box.dataset.filterRows) {
            return;
        }
        var body = document.querySelector(box.dataset.filterRows);
        if (!body) {
            return;
        }
        var words = fold(box.value).split(/\s+/).filter(Boolean);
        var shown = 0;
        Array.prototype.forEach.call(body.rows, function (row) {
            var text = fold(row.textContent);
            var match = words.every(function (w) { return text.indexOf(w) >= 0; });
            row.hidden = !match;
            shown += match ? 1 : 0;
        });
        var count = box.dataset.filterCount ? document.querySelector(box.dataset.filterCount) : null;
        if (count) {
            count.textContent = words.length ? "Tìm thấy " + shown + " đơn vị" : "";
        }
    });

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", function () { prepare(document); });
    } else {
        prepare(document);
    }
    document.addEventListener("htmx:afterSettle", function (e) { prepare(e.target instanceof Element ? e.target : document); });
})();

// Print view: <button data-print> opens the browser's print dialog; site.css's print rules keep only the content.
document.addEventListener("click", function (e) {
    var button = e.target instanceof Element ? e.target.closest("[data-print]") : null;
    if (button) {
        window.print();
    }
});
