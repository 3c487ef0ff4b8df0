// The cases list: reads the rows from zaken-gegevens.js (window.KLACHTEN_ZAKEN), filters
// and sorts them, and draws only the rows in view, so that a hundred thousand cases open
// and search within a second. The data file's row layout is described in
// src/site/zakenlijst.rs.
(function () {
  "use strict";
  var gegevens = window.KLACHTEN_ZAKEN;
  var tabel = document.getElementById("zaken");
  var rol = document.getElementById("zakenrol");
  var filters = document.getElementById("filters");
  if (!gegevens || !tabel || !rol || !filters) { return; }
  var k = gegevens.keuzes;
  var rijen = gegevens.rijen;
  var lichaam = tabel.tBodies[0];
  var velden = {};
  ["zoek", "van", "tot", "dienst", "categorie", "behandelaar", "status", "ernst", "alleen-bevindingen", "aantal"]
    .forEach(function (id) { velden[id] = document.getElementById(id); });
  var LABELS = { error: "overtreding", warning: "waarschuwing", info: "info", verantwoord: "verantwoord" };
  var MEERVOUD = { error: "overtredingen", warning: "waarschuwingen", info: "info", verantwoord: "verantwoord" };
  var zichtbaar = [];
  var zoekteksten = null;
  var rijhoogte = 0;
  var sortering = { kolom: 0, oplopend: true };

  filters.hidden = false;
  rol.hidden = false;

  function dmj(iso) {
    return iso ? iso.slice(8, 10) + "-" + iso.slice(5, 7) + "-" + iso.slice(0, 4) : "";
  }

  // Lower-case search text per row, made at the first search.
  function zoektekst(i) {
    if (!zoekteksten) {
      zoekteksten = rijen.map(function (r) {
        return (r[0] + " " + r[12] + " " + (r[4] ? k.categorieen[r[4] - 1] : "") + " " +
          k.behandelaars[r[5]]).toLowerCase();
      });
    }
    return zoekteksten[i];
  }

  // A date typed as DD-MM-JJJJ (or JJJJ-MM-DD) as JJJJ-MM-DD; empty when it is none.
  function iso(tekst) {
    var d = /^\s*(\d{1,2})-(\d{1,2})-(\d{4})\s*$/.exec(tekst);
    if (d) { return d[3] + "-" + ("0" + d[2]).slice(-2) + "-" + ("0" + d[1]).slice(-2); }
    d = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(tekst);
    return d ? d[1] + "-" + d[2] + "-" + d[3] : "";
  }

  function filter() {
    var tekst = velden.zoek.value.trim().toLowerCase();
    var van = iso(velden.van.value), tot = iso(velden.tot.value);
    velden.van.setAttribute("aria-invalid", String(velden.van.value.trim() !== "" && !van));
    velden.tot.setAttribute("aria-invalid", String(velden.tot.value.trim() !== "" && !tot));
    var dienst = velden.dienst.value, categorie = velden.categorie.value;
    var behandelaar = velden.behandelaar.value, status = velden.status.value;
    var ernst = velden.ernst.value, alleen = velden["alleen-bevindingen"].checked;
    var uit = [];
    for (var i = 0; i < rijen.length; i++) {
      var r = rijen[i];
      if (van && r[2] < van) { continue; }
      if (tot && r[2] > tot) { continue; }
      if (dienst && r[3] !== +dienst) { continue; }
      if (categorie && r[4] !== +categorie) { continue; }
      if (behandelaar && r[5] !== +behandelaar) { continue; }
      if (status && r[6] !== +status) { continue; }
      var t = r[10];
      if (ernst === "geen" && t[0] + t[1] + t[2] + t[3] > 0) { continue; }
      if (ernst && ernst !== "geen" && t[+ernst] === 0) { continue; }
      if (alleen && t[0] + t[1] === 0) { continue; }
      if (tekst && zoektekst(i).indexOf(tekst) === -1) { continue; }
      uit.push(i);
    }
    zichtbaar = uit;
    sorteer();
    velden.aantal.textContent = zichtbaar.length + " van " + rijen.length + " zaken";
    rol.scrollTop = 0;
    teken();
  }

  function sleutel(r, kolom) {
    switch (kolom) {
      case 3: return k.diensten[r[3]];
      case 4: return r[4] ? k.categorieen[r[4] - 1] : "";
      case 5: return k.behandelaars[r[5]];
      case 6: return k.statussen[r[6]];
      case 10: return r[10][0] * 1e9 + r[10][1] * 1e6 + r[10][2] * 1e3 + r[10][3];
      default: return r[kolom];
    }
  }

  function sorteer() {
    var kolom = sortering.kolom, teken = sortering.oplopend ? 1 : -1;
    if (kolom === 0 && sortering.oplopend) { return; } // the data's own order
    var sleutels = new Array(rijen.length);
    zichtbaar.forEach(function (i) { sleutels[i] = sleutel(rijen[i], kolom); });
    zichtbaar.sort(function (a, b) {
      var x = sleutels[a], y = sleutels[b];
      if (x < y) { return -teken; }
      if (x > y) { return teken; }
      return a - b;
    });
  }

  function cel(rij, tekst, klasse) {
    var td = document.createElement("td");
    if (tekst) { td.textContent = tekst; }
    if (klasse) { td.className = klasse; }
    rij.appendChild(td);
    return td;
  }

  function label(ouder, soort, tekst, titel) {
    var s = document.createElement("span");
    s.className = "label label-" + soort;
    s.textContent = tekst;
    if (titel) { s.title = titel; }
    ouder.appendChild(s);
    ouder.appendChild(document.createTextNode(" "));
  }

  // "3 waarschuwingen": a rule's findings, by the most serious of them.
  function telling(regel) {
    var soort = k.soorten[regel[1]];
    return regel[2] + " " + (regel[2] === 1 ? LABELS[soort] : MEERVOUD[soort]);
  }

  // A case's rules with findings, each a label in the colour of its most serious finding,
  // with their number when more than one: two on the cell's two lines; of more, the first,
  // and the others named on the second line.
  function bevindingen(regels) {
    var div = document.createElement("div");
    div.className = "regels";
    var getoond = regels.length > 2 ? regels.slice(0, 1) : regels;
    getoond.forEach(function (regel) {
      var naam = k.regels[regel[0]] + (regel[2] > 1 ? " \u00d7" + regel[2] : "");
      label(div, k.soorten[regel[1]], naam, telling(regel));
    });
    if (regels.length > 2) {
      var rest = regels.slice(1);
      var s = document.createElement("span");
      s.className = "onder";
      s.textContent = "en " + rest.map(function (regel) { return k.regels[regel[0]]; }).join(", ");
      s.title = rest.map(function (regel) { return k.regels[regel[0]] + ": " + telling(regel); }).join("; ");
      div.appendChild(s);
    }
    return div;
  }

  // A cell of two lines: `boven`, and under it `onder` in small print.
  function tweeregelig(rij, boven, onder, klasse) {
    var td = cel(rij, "", klasse);
    td.appendChild(document.createTextNode(boven));
    if (onder) {
      td.title = boven + ", " + onder;
      var s = document.createElement("span");
      s.className = "onder";
      s.textContent = onder;
      td.appendChild(s);
    }
    return td;
  }

  function rij(i) {
    var r = rijen[i];
    var tr = document.createElement("tr");
    tr.className = "zaak";
    var a = document.createElement("a");
    a.href = "zaken/" + r[1] + "/" + r[0] + ".html";
    a.textContent = r[0];
    cel(tr, "", "geheel").appendChild(a);
    tweeregelig(tr, dmj(r[2]), r[8] ? dmj(r[8]) + (r[9] >= 0 ? " " + k.oordelen[r[9]] : "") : "", "geheel");
    tweeregelig(tr, k.diensten[r[3]], r[4] ? k.categorieen[r[4] - 1] : "");
    cel(tr, k.behandelaars[r[5]]);
    tweeregelig(tr, k.statussen[r[6]], r[7] ? "" : "buiten het reglement");
    cel(tr, "").appendChild(bevindingen(r[11]));
    var omschrijving = document.createElement("div");
    omschrijving.className = "omschrijving";
    omschrijving.textContent = r[12];
    omschrijving.title = r[12];
    cel(tr, "").appendChild(omschrijving);
    return tr;
  }

  function vulling(hoogte) {
    var tr = document.createElement("tr");
    tr.className = "vulling";
    tr.setAttribute("aria-hidden", "true");
    var td = document.createElement("td");
    td.colSpan = 7;
    td.style.height = hoogte + "px";
    tr.appendChild(td);
    return tr;
  }

  function teken() {
    if (!rijhoogte) {
      lichaam.textContent = "";
      if (zichtbaar.length === 0) { return; }
      lichaam.appendChild(rij(zichtbaar[0]));
      rijhoogte = lichaam.rows[0].getBoundingClientRect().height || 36;
    }
    var boven = Math.max(0, Math.floor(rol.scrollTop / rijhoogte) - 10);
    var aantal = Math.ceil(rol.clientHeight / rijhoogte) + 20;
    tekenVan(boven, Math.min(zichtbaar.length, boven + aantal));
  }

  // Draws the rows of the list the filter shows from `boven` up to `eind`, with fillers as
  // high as the rows before and after them: the box keeps its height, and where it is
  // scrolled to.
  function tekenVan(boven, eind) {
    var nieuw = document.createDocumentFragment();
    nieuw.appendChild(vulling(boven * rijhoogte));
    for (var i = boven; i < eind; i++) { nieuw.appendChild(rij(zichtbaar[i])); }
    nieuw.appendChild(vulling((zichtbaar.length - eind) * rijhoogte));
    lichaam.textContent = "";
    lichaam.appendChild(nieuw);
  }

  // Print: the cases the filter shows, all drawn (up to MAX_AFDRUK) instead of the rows in
  // view, under a line that says which cases are on paper. After printing, the rows in
  // view again.
  var MAX_AFDRUK = 1000;
  var afdruk = document.getElementById("afdruk");

  // The filters set, as the form names them: "dienst: preventie", say.
  function filterbeschrijving() {
    var delen = [];
    var zoek = velden.zoek.value.trim();
    if (zoek) { delen.push("zoekterm \u201c" + zoek + "\u201d"); }
    var van = iso(velden.van.value), tot = iso(velden.tot.value);
    if (van) { delen.push("ontvangen vanaf " + dmj(van)); }
    if (tot) { delen.push("ontvangen tot en met " + dmj(tot)); }
    ["dienst", "categorie", "behandelaar", "status", "ernst"].forEach(function (id) {
      var keuze = velden[id];
      if (keuze.value) {
        var naam = keuze.parentNode.firstChild.textContent.trim().toLowerCase();
        delen.push(naam + ": " + keuze.options[keuze.selectedIndex].text);
      }
    });
    if (velden["alleen-bevindingen"].checked) { delen.push("alleen met bevindingen"); }
    return delen;
  }

  // "Op papier: 12 van de 160 zaken, gefilterd op ernst: met een overtreding, gesorteerd
  // op zaak (oplopend)." Past MAX_AFDRUK: "de eerste 1000 van de 5000 zaken die het
  // filter toont (van de 100000)", and where the others are.
  function afdruktekst(gedrukt) {
    var delen = filterbeschrijving();
    var kop = tabel.tHead.querySelector("th[aria-sort] button");
    var n = zichtbaar.length, totaal = rijen.length, afgekapt = gedrukt < n;
    var wat;
    if (afgekapt) {
      wat = "de eerste " + gedrukt + " van de " + n + " zaken" +
        (delen.length ? " die het filter toont (van de " + totaal + ")" : "");
    } else {
      wat = delen.length ? n + " van de " + totaal + " zaken" : "alle " + totaal + " zaken";
    }
    var tekst = "Op papier: " + wat;
    if (delen.length) { tekst += ", gefilterd op " + delen.join("; "); }
    if (kop) {
      tekst += ", gesorteerd op " + kop.firstChild.textContent.trim().toLowerCase() +
        (sortering.oplopend ? " (oplopend)" : " (aflopend)");
    }
    if (afgekapt) { tekst += "; alle zaken staan in zaken.csv"; }
    return tekst + ".";
  }

  // The fillers keep the box as high as on screen (print hides them), so that the list is
  // where it was when printing ends.
  window.addEventListener("beforeprint", function () {
    var gedrukt = Math.min(zichtbaar.length, MAX_AFDRUK);
    tekenVan(0, gedrukt);
    if (afdruk) { afdruk.textContent = afdruktekst(gedrukt); }
  });
  window.addEventListener("afterprint", teken);

  var wacht = false;
  rol.addEventListener("scroll", function () {
    if (wacht) { return; }
    wacht = true;
    window.requestAnimationFrame(function () { wacht = false; teken(); });
  });
  window.addEventListener("resize", teken);

  Array.prototype.forEach.call(tabel.tHead.rows[0].cells, function (kop) {
    var kolom = kop.getAttribute("data-kolom");
    if (kolom === null) { return; }
    var knop = document.createElement("button");
    knop.type = "button";
    while (kop.firstChild) { knop.appendChild(kop.firstChild); }
    kop.appendChild(knop);
    if (+kolom === 0) { kop.setAttribute("aria-sort", "ascending"); }
    knop.addEventListener("click", function () {
      var oplopend = kop.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(tabel.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
      kop.setAttribute("aria-sort", oplopend ? "ascending" : "descending");
      sortering = { kolom: +kolom, oplopend: oplopend };
      filter();
    });
  });

  ["zoek", "van", "tot", "dienst", "categorie", "behandelaar", "status", "ernst", "alleen-bevindingen"]
    .forEach(function (id) {
      velden[id].addEventListener("input", filter);
      velden[id].addEventListener("change", filter);
    });
  filters.addEventListener("submit", function (e) { e.preventDefault(); });
  filter();
}());
