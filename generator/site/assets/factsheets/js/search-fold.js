/* Arabic query folding for Material's search (the factsheets plugin).
 *
 * The search index has a "folded" field: every word of a page folded
 * (no diacritics or tatweel, one alef, ى→ي, ة→ه, ؤ→و, ئ→ي, Eastern digits)
 * and without its clitics (و ف ب ل ك, ال). This script folds what the reader
 * types the same way (a port of generator/normalize.py: fold and stems) and
 * sends both the typed and the folded forms to the search worker, so
 * حوثي finds الحوثيين, انصار finds أنصار, مسلحة finds المسلّحة.
 */
(function () {
  "use strict";
  var FORMAT = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
  var DIACRITICS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
  var LETTERS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ک": "ك", "ی": "ي",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
    "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4", "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
    "،": ",", "؛": ";", "؟": "?", "«": "\"", "»": "\"", "“": "\"", "”": "\"", "„": "\""
  };
  var PROCLITICS = ["و", "ف"];
  var PREPOSITIONS = ["ب", "ل", "ك"];

  function len(s) { return Array.from(s).length; }

  function fold(text) {
    var t = String(text || "").normalize("NFKC").replace(FORMAT, "").replace(DIACRITICS, "");
    var out = "";
    for (var ch of t) out += Object.prototype.hasOwnProperty.call(LETTERS, ch) ? LETTERS[ch] : ch;
    return out;
  }

  function stems(word) {
    var w = fold(word);
    var out = [w];
    function add(x) { if (len(x) >= 2 && out.indexOf(x) < 0) out.push(x); }
    var base = [w];
    if (PROCLITICS.indexOf(w.slice(0, 1)) >= 0 && w.length > 0 && len(w) > 3) base.push(w.slice(1));
    var snapshot = base.slice();
    for (var i = 0; i < snapshot.length; i++) {
      var b = snapshot[i];
      if (b.startsWith("لل") && len(b) > 4) base.push("ال" + b.slice(2));
      else if (PREPOSITIONS.indexOf(b.slice(0, 1)) >= 0 && b.length > 0 && len(b) > 3) base.push(b.slice(1));
    }
    for (var j = 0; j < base.length; j++) {
      add(base[j]);
      if (base[j].startsWith("ال") && len(base[j]) > 3) add(base[j].slice(2));
    }
    return out;
  }

  /* The query as typed plus the folded, clitic-less forms of each plain word. */
  function expand(query) {
    if (typeof query !== "string" || query.indexOf("\"") >= 0) return query;
    var terms = [];
    query.trim().split(/\s+/).forEach(function (term) {
      if (!term) return;
      if (terms.indexOf(term) < 0) terms.push(term);
      if (/[+\-*~^:]/.test(term)) return;
      stems(term).forEach(function (s) {
        if (s && terms.indexOf(s) < 0) terms.push(s);
      });
    });
    return terms.join(" ");
  }

  window.factsheetsSearch = { fold: fold, stems: stems, expand: expand };

  /* Material sends the query to its search worker as {type: 2, data: query}. */
  var QUERY = 2;
  if (typeof Worker !== "undefined" && !Worker.prototype.__factsheetsFold) {
    var post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message) {
      if (message && message.type === QUERY && typeof message.data === "string") {
        var args = Array.prototype.slice.call(arguments);
        args[0] = { type: message.type, data: expand(message.data) };
        return post.apply(this, args);
      }
      return post.apply(this, arguments);
    };
    Worker.prototype.__factsheetsFold = true;
  }
})();
