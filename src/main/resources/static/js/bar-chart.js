// Bar charts of the indicator pages (Chart.js): every canvas with data-bar-chart holds its labels
// and series as JSON (platform.BarChart); the table next to it says the same without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  if (!window.Chart) {
    return;
  }
  document.querySelectorAll("canvas[data-bar-chart]").forEach((canvas) => {
    const data = JSON.parse(canvas.dataset.barChart);
    data.datasets.forEach((d) => {
      if (d.type === "line") {
        d.borderColor = d.backgroundColor;
        d.fill = false;
      } else {
        delete d.type;
      }
    });
    new Chart(canvas, {
      type: "bar",
      data: data,
      options: { responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  });
});
