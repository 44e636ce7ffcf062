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
  // the map: the communes' contours when imported (no tiles needed), tiles when configured, and a
  // point per commune sized by its population (red: a priority neighbourhood)
  const map = document.getElementById("carte");
  if (map && window.L) {
    const points = JSON.parse(map.dataset.points || "[]");
    const leaflet = L.map(map, { attributionControl: Boolean(map.dataset.tiles), zoomSnap: 0.25 });
    if (map.dataset.tiles) {
      L.tileLayer(map.dataset.tiles, { attribution: map.dataset.attribution || "", maxZoom: 18 }).addTo(leaflet);
    }
    const max = Math.max(...points.map(p => p.population), 1);
    const dots = L.featureGroup(points.map(p =>
      L.circleMarker([p.lat, p.lon], { radius: 4 + 16 * Math.sqrt(p.population / max), color: p.qpv ? "#b71c1c" : "#1565c0", weight: 1 })
        .bindTooltip(p.name + " (" + p.code + ") : " + p.population.toLocaleString("fr-FR"))));
    if (points.length) { leaflet.fitBounds(dots.getBounds().pad(0.1)); }
    if (map.dataset.contours) {
      fetch(map.dataset.contours, { credentials: "same-origin" }).then(r => r.json()).then(geo => {
        const shapes = L.geoJSON(geo, {
          style: { color: "#0b5394", weight: 1, fillColor: "#90caf9", fillOpacity: 0.25 },
          onEachFeature: (f, layer) => layer.bindTooltip(f.properties.name + " (" + f.properties.code + ")")
        }).addTo(leaflet);
        dots.addTo(leaflet);
        if (geo.features.length) { leaflet.fitBounds(shapes.getBounds().pad(0.05)); }
        map.dataset.drawn = String(geo.features.length);
      });
    } else {
      dots.addTo(leaflet);
      map.dataset.drawn = "0";
    }
  }
});
