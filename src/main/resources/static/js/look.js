// The colour of the CPTS: the code field stays the reference (it works without JavaScript); the
// picker beside it fills it, and the preview follows either.
document.addEventListener("DOMContentLoaded", () => {
  const field = document.getElementById("colour");
  const picker = document.getElementById("colour-picker");
  const preview = document.getElementById("apercu");
  if (!field || !picker) { return; }
  picker.hidden = false;
  const show = (value) => { if (/^#[0-9a-fA-F]{6}$/.test(value)) { preview.style.setProperty("--cpts-colour", value); } };
  picker.addEventListener("input", () => { field.value = picker.value; show(picker.value); });
  field.addEventListener("input", () => { if (/^#[0-9a-fA-F]{6}$/.test(field.value.trim())) { picker.value = field.value.trim(); } show(field.value.trim()); });
});
