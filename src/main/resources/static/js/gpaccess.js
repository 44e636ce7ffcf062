// GP access indicators: médecins traitants found and requests filed per month (Chart.js).
document.addEventListener("DOMContentLoaded", () => {
  const canvas = document.getElementById("graphique-mois");
  if (!canvas || !window.Chart) {
    return;
  }
  const data = JSON.parse(canvas.dataset.chart);
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        { label: data.foundLabel, data: data.found, backgroundColor: "#2e7d32" },
        { label: data.filedLabel, data: data.filed, backgroundColor: "#90a4ae" },
      ],
    },
    options: { responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
});
