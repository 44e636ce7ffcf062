// Territory editing: the autocomplete's choice goes into the list of communes to add.
document.addEventListener("DOMContentLoaded", () => {
  const button = document.getElementById("ajouter-commune");
  const input = document.getElementById("commune-ajout");
  const list = document.getElementById("ajouts");
  if (button && input && list) {
    const add = () => {
      const value = input.value.trim();
      if (value) {
        list.value = (list.value.trim() ? list.value.trim() + "\n" : "") + value;
        input.value = "";
        input.focus();
      }
    };
    button.addEventListener("click", add);
    input.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); add(); } });
  }
});
