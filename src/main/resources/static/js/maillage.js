// Maillage: htmx gets the CSRF token; pages work without this file too.
document.documentElement.classList.add("js");

// the menu button of narrow windows opens and closes the menu
document.addEventListener("click", (event) => {
  const toggle = event.target.closest(".menu-toggle");
  if (!toggle) {
    return;
  }
  const menu = document.getElementById(toggle.getAttribute("aria-controls"));
  const open = menu.classList.toggle("open");
  toggle.setAttribute("aria-expanded", String(open));
});

document.addEventListener("htmx:configRequest", (event) => {
  const header = document.querySelector('meta[name="csrf-header"]');
  const token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});

// a list's filter applies as soon as it changes (its button stays for pages without JavaScript)
document.addEventListener("change", (event) => {
  if (event.target.matches("select[data-autosubmit]")) {
    event.target.form.requestSubmit();
  }
});

// A form is sent once: a double click on its button does not send it twice (an announcement to
// everyone, a message). Forms sent by htmx disable their button for the request (hx-disabled-elt).
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (event.defaultPrevented || form.hasAttribute("hx-post") || form.method.toLowerCase() !== "post") {
    return;
  }
  if (form.dataset.sent) {
    event.preventDefault();
    return;
  }
  form.dataset.sent = "1";
});
// back to a page from the history: its forms can be sent again
window.addEventListener("pageshow", () => document.querySelectorAll("form[data-sent]").forEach((f) => delete f.dataset.sent));

// A table marked "responsive" becomes one card per row on a phone (maillage.css); each cell is
// named by its column here, unless the page named it already.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("table.responsive").forEach((table) => {
    const names = table.tHead ? Array.from(table.tHead.rows[0].cells).map((th) => th.textContent.trim()) : [];
    Array.from(table.tBodies).forEach((body) => Array.from(body.rows).forEach((row) => Array.from(row.cells).forEach((cell, i) => {
      if (!cell.dataset.label && names[i] && cell.colSpan === 1) {
        cell.dataset.label = names[i];
      }
    })));
  });
});

// A region that scrolls sideways (a wide table on a narrow window) must be reachable from the
// keyboard to be scrolled: it takes the focus, and says what it holds.
(() => {
  const focusable = () => document.querySelectorAll("main .table-wrap, main table").forEach((el) => {
    if (el.scrollWidth > el.clientWidth + 1) {
      if (!el.hasAttribute("tabindex")) {
        el.tabIndex = 0;
        el.dataset.scrollFocus = "";
      }
    } else if (el.dataset.scrollFocus !== undefined) {
      el.removeAttribute("tabindex");
      delete el.dataset.scrollFocus;
    }
  });
  document.addEventListener("DOMContentLoaded", focusable);
  window.addEventListener("resize", focusable);
})();
