/// The page's linking of places across the text, the map and the list, its tooltip, and its print layout; shared
/// with the other pages of the package that show places on a map (the service's).
extension AnnotatedPage {
    /// Styles for what the script marks (`.linked`: every element of the place under the pointer or focus), the
    /// map's frame, and paper: one column, no tooltip, marks underlined (printers drop backgrounds).
    package static let interactionStyle = """

        mark.linked { outline: 2px solid #d39e00; background: #ffd24d; }
        ul.places li.linked { background: #fff6d9; }
        figure.map { margin: 4px 0 10px; }
        @media print {
            body { background: #fff; font-size: 11pt; }
            header { background: none; color: #000; padding: 0 0 6pt; border-bottom: 1pt solid #000; }
            main { display: block; padding: 0; max-width: none; }
            article, aside { box-shadow: none; border-radius: 0; padding: 0; position: static; max-height: none;
                             overflow: visible; }
            mark.place { background: none; border-bottom: 1.5pt solid #d39e00; border-radius: 0; }
            mark.unresolved { background: none; }
            .tip { display: none !important; }
            figure.map { break-inside: avoid; max-width: 15cm; }
            svg.map { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
            ul.places li { break-inside: avoid; }
            a { color: inherit; text-decoration: none; }
        }

        """

    /// Shows the description of what the pointer or focus is on (its `aria-describedby`) in the tooltip, and
    /// marks every element of the same place. Without it the page still shows the map, the marks and the list.
    package static let interactionScript = """

        (function () {
          "use strict";
          var tip = document.getElementById("tip"), current = null;
          var selector = "mark, [data-place]", narrow = window.matchMedia("(max-width: 800px)");
          function link(element, on) {
            var key = element.getAttribute("data-place");
            if (!key) return;
            document.querySelectorAll('[data-place="' + key + '"]').forEach(function (other) {
              other.classList.toggle("linked", on);
            });
          }
          function hide() {
            if (current) link(current, false);
            current = null;
            tip.classList.remove("shown");
          }
          function show(element) {
            if (element === current) return;
            hide();
            current = element;
            link(element, true);
            var about = document.getElementById(element.getAttribute("aria-describedby") || "");
            if (!about) return;
            tip.innerHTML = about.innerHTML;
            tip.classList.add("shown");
            if (narrow.matches) { tip.style.left = tip.style.top = ""; return; }
            var box = element.getBoundingClientRect();
            var left = Math.max(8, Math.min(box.left, window.innerWidth - tip.offsetWidth - 8));
            var top = box.bottom + 6;
            if (top + tip.offsetHeight > window.innerHeight - 8) top = Math.max(8, box.top - tip.offsetHeight - 6);
            tip.style.left = left + "px";
            tip.style.top = top + "px";
          }
          document.addEventListener("mouseover", function (event) {
            if (tip.contains(event.target)) return;
            var element = event.target.closest(selector);
            if (element) show(element); else if (current && current !== document.activeElement) hide();
          });
          document.addEventListener("focusin", function (event) {
            var element = event.target.closest(selector);
            if (element) show(element); else hide();
          });
          document.addEventListener("focusout", hide);
          document.addEventListener("keydown", function (event) { if (event.key === "Escape") hide(); });
        })();

        """
}
