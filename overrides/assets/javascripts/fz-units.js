/* The unit chooser, the print centre's filters and the preview viewer.

   - Every <select data-fz-unit-select> shows and sets the reader's unit, kept in localStorage, so a township's
     staff see their own files on every page after choosing once. No choice: every unit's files, the default first.
   - Cards (.fz-card[data-fz-unit]) inside [data-fz-unit-cards] show the chosen unit's files, or the default
     edition's when that unit has none of this material.
   - Links a.fz-unit-link point at the default edition's file; with a unit chosen that prints it, at that unit's.
   - [data-fz-filters] (the print centre) hides the cards that do not match unit, kind and audience; with no unit
     chosen, the other units' sets are folded under a button (most repeat the default set), the default's shown.
   - a.fz-zoom opens its full preview in a viewer on the page instead of leaving it. */
(function () {
  "use strict";

  var KEY = "fz-unit";
  var DEFAULT = "default";

  function storedUnit() {
    try { return localStorage.getItem(KEY) || ""; } catch (e) { return ""; }
  }

  function storeUnit(unit) {
    try {
      if (unit) localStorage.setItem(KEY, unit); else localStorage.removeItem(KEY);
    } catch (e) { /* private mode: the choice lasts for this page only */ }
  }

  function each(selector, fn, root) {
    Array.prototype.forEach.call((root || document).querySelectorAll(selector), fn);
  }

  function applyUnit(unit) {
    each("[data-fz-unit-select]", function (select) {
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === unit; });
      select.value = known ? unit : "";
    });
    each("[data-fz-unit-cards]", function (block) {
      var cards = block.querySelectorAll(".fz-card[data-fz-unit]");
      var has = Array.prototype.some.call(cards, function (c) { return c.dataset.fzUnit === unit; });
      var shown = !unit ? null : (has ? unit : DEFAULT);
      Array.prototype.forEach.call(cards, function (card) {
        card.hidden = shown !== null && card.dataset.fzUnit !== shown;
      });
      var missing = block.querySelector(".fz-unit-missing");
      if (missing) missing.hidden = !unit || has;
    });
    each("a.fz-unit-link", function (link) {
      if (!link.dataset.fzHref) {
        link.dataset.fzHref = link.getAttribute("href");
        link.dataset.fzText = link.textContent;
      }
      var units = (link.dataset.fzUnits || "").split(" ");
      var from = link.dataset.fzDefault || DEFAULT;
      if (unit && unit !== from && units.indexOf(unit) >= 0) {
        link.setAttribute("href", link.dataset.fzHref.replace("/" + from + "/", "/" + unit + "/"));
        link.textContent = "PDF · " + unitName(unit);
      } else {
        link.setAttribute("href", link.dataset.fzHref);
        link.textContent = link.dataset.fzText;
      }
    });
    each(".fz-unit-section", function (section) {
      var button = section.querySelector("[data-fz-expand]");
      if (!button) return;
      var folded = !unit && !section.dataset.fzOpened;
      section.classList.toggle("fz-folded", folded);
      button.hidden = !folded;
    });
    each("[data-fz-filters]", filter);
  }

  function unitName(unit) {
    var option = document.querySelector("[data-fz-unit-select] option[value='" + unit + "']");
    return option ? option.textContent : unit;
  }

  function filter(panel) {
    var wanted = {};
    each("select[data-fz-filter]", function (select) { wanted[select.dataset.fzFilter] = select.value; }, panel);
    var visible = 0;
    each(".fz-unit-section", function (section) {
      var inSection = 0;
      var unitOk = !wanted.unit || section.dataset.fzUnit === wanted.unit;
      each(".fz-card", function (card) {
        var audiences = (card.dataset.fzAudiences || "").split(" ");
        var ok = unitOk && (!wanted.kind || card.dataset.fzKind === wanted.kind) &&
          (!wanted.audience || audiences.indexOf(wanted.audience) >= 0);
        card.hidden = !ok;
        if (ok) inSection++;
      }, section);
      section.hidden = inSection === 0;
      visible += inSection;
    });
    var count = panel.querySelector("[data-fz-count]");
    if (count) count.textContent = "共 " + visible + " 份";
    var empty = document.querySelector("[data-fz-empty]");
    if (empty) empty.hidden = visible > 0;
  }

  document.addEventListener("change", function (event) {
    var select = event.target;
    if (select.matches("[data-fz-unit-select]")) {
      storeUnit(select.value);
      applyUnit(select.value);
    } else if (select.matches("select[data-fz-filter]")) {
      filter(select.closest("[data-fz-filters]"));
    }
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-fz-expand]");
    if (!button) return;
    var section = button.closest(".fz-unit-section");
    section.dataset.fzOpened = "1";
    section.classList.remove("fz-folded");
    button.hidden = true;
  });

  var viewer;
  function openViewer(link) {
    if (!viewer) {
      viewer = document.createElement("dialog");
      viewer.className = "fz-viewer";
      viewer.innerHTML = '<form method="dialog"><button class="fz-viewer__close" aria-label="关闭">关闭 ✕</button></form>' +
        '<img alt=""><p class="fz-viewer__caption"></p>';
      viewer.addEventListener("click", function (event) {
        if (event.target === viewer || event.target.tagName === "IMG") viewer.close();
      });
      document.body.appendChild(viewer);
    }
    var img = viewer.querySelector("img");
    img.src = link.getAttribute("href");
    img.alt = link.dataset.fzCaption || "";
    viewer.querySelector(".fz-viewer__caption").textContent = link.dataset.fzCaption || "";
    if (viewer.showModal) viewer.showModal(); else window.location.href = link.href;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.fz-zoom");
    if (!link || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    openViewer(link);
  });

  function start() { applyUnit(storedUnit()); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
