/* The remaining vitality budget per month, drawn from the JSON the page carries (no inline script under the CSP). */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var source = document.getElementById("budget-data");
  var canvas = document.getElementById("chart-budget");
  if (!source || !canvas || !window.Chart) { return; }
  var data = JSON.parse(source.textContent);
  new window.Chart(canvas, {
    type: "line",
    data: { labels: data.months, datasets: [{ label: data.label, data: data.values, borderColor: "#154273", backgroundColor: "#154273" }] },
    options: { responsive: true, animation: false, scales: { y: { beginAtZero: true } } }
  });
});
