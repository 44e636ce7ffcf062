// Maps of points (fragment fragments/map): a circle per point sized by its count, a tooltip, a
// link on click (and from the keyboard, through the list beside the map); the communes' contours
// under them when the page gives their URL; tiles only when the installation configured some.
document.addEventListener("DOMContentLoaded", () => {
  if (!window.L) { return; }
  const colours = { here: "#2e7d32", gap: "#b71c1c" };
  document.querySelectorAll("div[data-map]").forEach((element) => {
    const points = JSON.parse(element.dataset.points || "[]");
    const map = L.map(element, { attributionControl: Boolean(element.dataset.tiles), zoomSnap: 0.25 });
    if (element.dataset.tiles) {
      L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution || "", maxZoom: 18 }).addTo(map);
    }
    const max = Math.max(...points.map((p) => p.count), 1);
    const dots = L.featureGroup(points.map((p) => {
      const marker = L.circleMarker([p.lat, p.lon], { radius: 5 + 15 * Math.sqrt(p.count / max), weight: 1,
        color: colours[p.kind] || "#1565c0", fillOpacity: 0.5 }).bindTooltip(p.label);
      if (p.href) { marker.on("click", () => { window.location.href = p.href; }); }
      return marker;
    }));
    const fit = (bounds) => { if (bounds.isValid()) { map.fitBounds(bounds.pad(0.1), { maxZoom: 12 }); } };
    if (points.length) { fit(dots.getBounds()); } else { map.setView([46.6, 2.4], 5); }
    const done = (contours) => { dots.addTo(map); element.dataset.drawn = String(points.length); element.dataset.contoursDrawn = String(contours); };
    if (element.getAttribute("data-contours")) {
      fetch(element.getAttribute("data-contours"), { credentials: "same-origin" }).then((r) => r.json()).then((geo) => {
        const shapes = L.geoJSON(geo, { style: { color: "#0b5394", weight: 1, fillColor: "#90caf9", fillOpacity: 0.2 },
          onEachFeature: (f, layer) => layer.bindTooltip(f.properties.name) }).addTo(map);
        if (!points.length && geo.features.length) { fit(shapes.getBounds()); }
        done(geo.features.length);
      }).catch(() => done(0));
    } else {
      done(0);
    }
    // a map inside a closed <details> has no size until it opens
    const details = element.closest("details");
    if (details) { details.addEventListener("toggle", () => { map.invalidateSize(); if (points.length) { fit(dots.getBounds()); } }); }
  });
});
