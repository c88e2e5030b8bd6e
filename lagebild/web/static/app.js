// Progressive enhancement only: every page works without this file.
"use strict";

function autoSubmitFilters() {
  const form = document.getElementById("filters");
  if (!form) return;
  form.querySelectorAll("select, input[type=date]").forEach((el) => {
    el.addEventListener("change", () => form.submit());
  });
}

function drawNetwork() {
  const box = document.getElementById("network");
  if (!box || typeof window.cytoscape !== "function") return;
  fetch(box.dataset.api, { headers: { Accept: "application/json" } })
    .then((r) => r.json())
    .then((graph) => {
      const elements = [];
      graph.nodes.forEach((n) => elements.push({ data: { id: n.id, label: n.name || n.id, degree: n.degree } }));
      graph.edges.forEach((e, i) => elements.push({
        data: { id: "e" + i, source: e.source, target: e.target, weight: e.weight, label: e.type },
        classes: e.directed ? "directed" : "",
      }));
      const cy = window.cytoscape({
        container: box,
        elements,
        layout: { name: "cose", animate: false },
        maxZoom: 1.5,
        style: [
          { selector: "node", style: { label: "data(label)", "font-size": 10, width: "mapData(degree, 1, 30, 12, 40)", height: "mapData(degree, 1, 30, 12, 40)", "background-color": "#1f4e8c" } },
          { selector: "edge", style: { width: "mapData(weight, 1, 20, 1, 8)", "line-color": "#94a3b8", "curve-style": "bezier" } },
          { selector: "edge.directed", style: { "target-arrow-shape": "triangle", "target-arrow-color": "#94a3b8" } },
        ],
      });
      cy.on("tap", "node", (evt) => {
        window.location.href = "/entities/" + encodeURIComponent(evt.target.id());
      });
      box.dataset.ready = "1";
    })
    .catch(() => { box.textContent = "Die Grafik konnte nicht geladen werden."; });
}

document.addEventListener("DOMContentLoaded", () => {
  autoSubmitFilters();
  drawNetwork();
});
