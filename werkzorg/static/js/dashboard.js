/* The dashboard charts, drawn from the JSON the page carries (no inline script under the CSP). */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var source = document.getElementById("dashboard-data");
  var canvas = document.getElementById("chart-months");
  if (!source || !canvas || !window.Chart) { return; }
  var data = JSON.parse(source.textContent);
  var colours = ["#154273", "#d52b1e", "#39870c", "#8fcae7", "#ffb612"];
  new window.Chart(canvas, {
    type: "bar",
    data: {
      labels: data.months,
      datasets: data.categories.map(function (c, i) { return { label: c.label, data: c.data, backgroundColor: colours[i % colours.length] }; })
    },
    options: { responsive: true, animation: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
  });
  var statusCanvas = document.getElementById("chart-status");
  if (statusCanvas) {
    new window.Chart(statusCanvas, {
      type: "doughnut",
      data: {
        labels: data.statuses.labels,
        datasets: [{ data: data.statuses.data, backgroundColor: ["#ffb612", "#8fcae7", "#01689b", "#154273", "#39870c", "#275937", "#d52b1e"] }]
      },
      options: { responsive: true, animation: false, plugins: { legend: { position: "right" } } }
    });
  }
});
