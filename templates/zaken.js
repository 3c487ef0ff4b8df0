// Sorting and filtering of the cases table. The table reads fine without this script.
(function () {
  "use strict";
  var tabel = document.getElementById("zaken");
  var filters = document.getElementById("filters");
  if (!tabel || !filters) { return; }
  var lichaam = tabel.tBodies[0];
  var rijen = Array.prototype.slice.call(lichaam.rows);
  var zoek = document.getElementById("zoek");
  var dienst = document.getElementById("dienst");
  var status = document.getElementById("status");
  var alleenBevindingen = document.getElementById("alleen-bevindingen");
  var aantal = document.getElementById("aantal");
  filters.hidden = false;

  function waarde(rij, kolom) {
    var cel = rij.cells[kolom];
    return cel.getAttribute("data-waarde") || cel.textContent.trim();
  }

  function filter() {
    var tekst = zoek.value.trim().toLowerCase();
    var zichtbaar = 0;
    rijen.forEach(function (rij) {
      var toon = (!tekst || rij.textContent.toLowerCase().indexOf(tekst) !== -1) &&
        (!dienst.value || rij.getAttribute("data-dienst") === dienst.value) &&
        (!status.value || rij.getAttribute("data-status") === status.value) &&
        (!alleenBevindingen.checked || rij.getAttribute("data-overtredingen") !== "0");
      rij.hidden = !toon;
      if (toon) { zichtbaar += 1; }
    });
    aantal.textContent = zichtbaar + " van " + rijen.length + " zaken";
  }

  Array.prototype.forEach.call(tabel.tHead.rows[0].cells, function (kop, kolom) {
    var knop = document.createElement("button");
    knop.type = "button";
    knop.textContent = kop.textContent;
    kop.textContent = "";
    kop.appendChild(knop);
    knop.addEventListener("click", function () {
      var oplopend = kop.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(tabel.tHead.rows[0].cells, function (k) { k.removeAttribute("aria-sort"); });
      kop.setAttribute("aria-sort", oplopend ? "ascending" : "descending");
      var getal = kop.getAttribute("data-soort") === "getal";
      rijen.sort(function (a, b) {
        var x = waarde(a, kolom), y = waarde(b, kolom);
        var verschil = getal ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y, "nl");
        return oplopend ? verschil : -verschil;
      });
      rijen.forEach(function (rij) { lichaam.appendChild(rij); });
    });
  });

  [zoek, dienst, status, alleenBevindingen].forEach(function (veld) {
    veld.addEventListener("input", filter);
    veld.addEventListener("change", filter);
  });
  filter();
}());
