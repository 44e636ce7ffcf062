// New duty roster: choosing who is on duty fills in the usual days, hours and public number
// (pharmacies 24 h from 9 h, nurses by the week, doctors on Sundays and holidays…); all stay editable.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-usual]");
  const kind = form && form.querySelector("#kind");
  if (!kind) {
    return;
  }
  kind.addEventListener("change", () => {
    const usual = kind.selectedOptions[0].dataset;
    form.querySelector("#pattern").value = usual.pattern;
    form.querySelector("#shiftStart").value = usual.start;
    form.querySelector("#shiftEnd").value = usual.end;
    form.querySelector("#publicPhone").value = usual.phone;
  });
});
