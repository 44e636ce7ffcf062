// Maillage: htmx gets the CSRF token; pages work without this file too.
document.addEventListener("htmx:configRequest", (event) => {
  const header = document.querySelector('meta[name="csrf-header"]');
  const token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});
