// Every table marked data-table gets sortable columns (click or Enter on a header) and, when a
// search field names it (data-filter-for), live filtering. Without JavaScript the table is plain.
(() => {
  const collator = new Intl.Collator("fr", { numeric: true, sensitivity: "base" });
  const valueOf = (cell) => {
    const text = cell.textContent.trim();
    const number = text.replace(/[\s\u00a0\u202f]/g, "");
    return /^-?\d+([.,]\d+)?$/.test(number) ? { n: parseFloat(number.replace(",", ".")) } : { s: text };
  };
  const compare = (a, b) => (a.n !== undefined && b.n !== undefined) ? a.n - b.n : collator.compare(a.s ?? String(a.n), b.s ?? String(b.n));

  const sortable = (table) => {
    const headers = table.tHead ? Array.from(table.tHead.rows[0].cells) : [];
    headers.forEach((th, index) => {
      th.tabIndex = 0;
      th.setAttribute("aria-sort", "none");
      th.classList.add("sortable");
      const sort = () => {
        const ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach((h) => h.setAttribute("aria-sort", "none"));
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const body = table.tBodies[0];
        const rows = Array.from(body.rows);
        rows.sort((r1, r2) => {
          const c = compare(valueOf(r1.cells[index]), valueOf(r2.cells[index]));
          return ascending ? c : -c;
        });
        rows.forEach((r) => body.appendChild(r));
      };
      th.addEventListener("click", sort);
      th.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
    });
  };

  const normalize = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("table[data-table]").forEach(sortable);
    document.querySelectorAll("input[data-filter-for]").forEach((input) => {
      const table = document.getElementById(input.dataset.filterFor);
      const count = input.dataset.countId ? document.getElementById(input.dataset.countId) : null;
      input.hidden = false;
      input.addEventListener("input", () => {
        const words = normalize(input.value).split(/\s+/).filter(Boolean);
        let shown = 0;
        Array.from(table.tBodies[0].rows).forEach((row) => {
          const text = normalize(row.textContent);
          const visible = words.every((w) => text.includes(w));
          row.hidden = !visible;
          if (visible) { shown++; }
        });
        if (count) { count.textContent = shown; }
      });
    });
  });
})();
