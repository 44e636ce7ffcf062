// Calendars (FullCalendar): an element marked data-calendar becomes a calendar that reads its
// events from the address it names (FullCalendar adds start and end). The table named by
// data-fallback holds the same events for readers without JavaScript; here it is hidden behind a
// "Voir en liste" switch. With data-assign (a roster's managers), clicking a turn opens the dialog
// it names, whose form assigns the turn in place (JSON answer) and redraws the calendar.
document.addEventListener("DOMContentLoaded", () => {
  if (!window.FullCalendar) {
    return;
  }
  const csrfHeader = document.querySelector("meta[name=csrf-header]")?.content;
  const csrfToken = document.querySelector("meta[name=csrf-token]")?.content;
  const lang = document.documentElement.lang || "fr";

  document.querySelectorAll("[data-calendar]").forEach((el) => {
    const d = el.dataset;
    const status = document.createElement("p");
    status.setAttribute("role", "status");
    status.className = "calendar-status";
    el.after(status);
    const views = (d.views || "").split(",").filter(Boolean);
    // on a phone a week or a month of columns is unreadable: the list of the period instead, when offered
    const narrow = window.matchMedia("(max-width: 700px)").matches;
    const phoneView = views.find((v) => v.startsWith("list"));
    const dialog = d.assign ? document.getElementById(d.assign) : null;
    const calendar = new FullCalendar.Calendar(el, {
      locale: lang,
      firstDay: 1,
      initialView: narrow && phoneView ? phoneView : (d.view || "dayGridMonth"),
      initialDate: d.date || undefined,
      headerToolbar: { left: "prev,next today", center: "title", right: views.join(",") },
      height: "auto",
      nextDayThreshold: d.nextDay || "00:00:00",
      slotMinTime: d.slotMin || "00:00:00",
      slotMaxTime: d.slotMax || "24:00:00",
      allDaySlot: false,
      buttonIcons: false, // words (Précédent, Suivant) say more than chevrons to a screen reader and to a person
      eventTimeFormat: { hour: "2-digit", minute: "2-digit" },
      eventDisplay: "block",
      eventInteractive: true,
      // FullCalendar's grid roles are incomplete (axe: aria-required-children): its layout tables are
      // made presentational; the events stay links or buttons, and the page's list says the same
      viewDidMount: () => plain(el),
      datesSet: () => plain(el),
      dayMaxEvents: d.maxEvents ? parseInt(d.maxEvents, 10) : false,
      events: { url: d.calendar, failure: () => { status.textContent = d.failure || ""; } },
      eventDidMount: (info) => {
        info.el.setAttribute("title", info.event.title);
        if (info.event.extendedProps.shift) {
          info.el.dataset.shift = info.event.extendedProps.shift;
        }
        if (dialog && !info.event.url) {
          info.el.setAttribute("role", "button");
        }
      },
      eventClick: (info) => {
        if (!dialog || info.event.url) {
          return;
        }
        info.jsEvent.preventDefault();
        openAssign(dialog, info.event, calendar, status);
      },
    });
    calendar.render();
    el.calendar = calendar;

    const fallback = d.fallback ? document.getElementById(d.fallback) : null;
    if (fallback) {
      fallback.hidden = true;
      const toggle = document.createElement("button");
      toggle.type = "button";
      toggle.className = "secondary outline small calendar-toggle";
      toggle.textContent = d.showList;
      toggle.setAttribute("aria-expanded", "false");
      toggle.addEventListener("click", () => {
        const listShown = fallback.hidden;
        fallback.hidden = !listShown;
        el.hidden = listShown;
        toggle.textContent = listShown ? d.showCalendar : d.showList;
        toggle.setAttribute("aria-expanded", String(listShown));
        if (!listShown) {
          calendar.updateSize(); // drawn while hidden, its events had no room
        }
      });
      el.before(toggle);
    }
  });

  function plain(el) {
    el.querySelectorAll("[role=grid], [role=rowgroup], [role=row], [role=columnheader], [role=gridcell]").forEach((n) => n.removeAttribute("role"));
    el.querySelectorAll("table").forEach((t) => t.setAttribute("role", "presentation"));
  }

  function openAssign(dialog, event, calendar, status) {
    const form = dialog.querySelector("form");
    const select = form.querySelector("select[name=assignee]");
    const error = dialog.querySelector("[data-error]");
    const shift = event.extendedProps.shift;
    dialog.querySelector("[data-when]").textContent = event.start.toLocaleString(lang, { dateStyle: "full", timeStyle: "short" });
    select.value = event.extendedProps.assignee || "";
    error.textContent = "";
    form.onsubmit = async (e) => {
      e.preventDefault();
      const headers = { Accept: "application/json" };
      if (csrfHeader && csrfToken) {
        headers[csrfHeader] = csrfToken;
      }
      const response = await fetch(form.dataset.action.replace("SHIFT", shift), {
        method: "POST", headers, body: new URLSearchParams(new FormData(form)), credentials: "same-origin",
      });
      const answer = response.headers.get("Content-Type")?.includes("json") ? await response.json() : null;
      if (!response.ok) {
        error.textContent = answer?.message || form.dataset.failure;
        return;
      }
      dialog.close();
      status.textContent = answer.message;
      const row = document.getElementById("tour-" + shift);
      const rowSelect = row?.querySelector("select[name=assignee]");
      if (rowSelect) {
        rowSelect.value = answer.assignee;
      }
      calendar.refetchEvents();
    };
    dialog.querySelector("[data-close]").onclick = () => dialog.close();
    dialog.showModal();
    select.focus();
  }
});
