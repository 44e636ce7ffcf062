// Unscheduled-care indicators: slots offered, booked and honoured per week (Chart.js).
document.addEventListener("DOMContentLoaded", () => {
  const canvas = document.getElementById("graphique-semaines");
  if (!canvas || !window.Chart) {
    return;
  }
  const data = JSON.parse(canvas.dataset.chart);
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        { label: data.offeredLabel, data: data.offered, backgroundColor: "#90a4ae" },
        { label: data.bookedLabel, data: data.booked, backgroundColor: "#1976d2" },
        { label: data.honouredLabel, data: data.honoured, backgroundColor: "#2e7d32" },
      ],
    },
    options: { responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
});
