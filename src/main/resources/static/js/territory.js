// Territory page: population chart (Chart.js) and map of the communes (Leaflet, no tiles).
document.addEventListener("DOMContentLoaded", () => {
  const canvas = document.getElementById("graphique-population");
  if (canvas && window.Chart) {
    const data = JSON.parse(canvas.dataset.chart);
    new Chart(canvas, {
      type: "bar",
      data: { labels: data.labels, datasets: [{ data: data.values, backgroundColor: "#1565c0" }] },
      options: { animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } },
                 scales: { x: { ticks: { autoSkip: false, maxRotation: 90, minRotation: 45 } } } }
    });
  }
  const map = document.getElementById("carte");
  if (map && window.L) {
    const points = JSON.parse(map.dataset.points);
    const leaflet = L.map(map, { attributionControl: false, zoomSnap: 0.25 });
    const max = Math.max(...points.map(p => p.population), 1);
    const layer = L.featureGroup(points.map(p =>
      L.circleMarker([p.lat, p.lon], { radius: 4 + 16 * Math.sqrt(p.population / max), color: p.qpv ? "#b71c1c" : "#1565c0", weight: 1 })
        .bindTooltip(p.name + " (" + p.code + ") : " + p.population.toLocaleString("fr-FR"))));
    layer.addTo(leaflet);
    if (points.length) { leaflet.fitBounds(layer.getBounds().pad(0.1)); }
  }
});
