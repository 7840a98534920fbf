/* fanzha: how the search worker cuts a Chinese query into words (put in place of Material's cutting).

   Material cuts a run of Chinese characters into the index's longest words, but gives up on the whole run when
   one character starts no word, so a question ("有人让我共享屏幕怎么办") is searched as one long word and finds
   nothing. Here every index word found in the run is searched (the search ranks pages by how many they hold),
   the words of a question (我, 让, 怎么办 …) are left out, and colloquial terms add the words the pages use. */
var FZ_SYNONYMS = /*FZ_SYNONYMS*/{};
var FZ_STOPWORDS = /*FZ_STOPWORDS*/{};

function fzHas(table, key) {
  return Object.prototype.hasOwnProperty.call(table, key);
}

/* Every index word of two or more characters in `text` (overlapping ones too: 贴在手机 holds 手机 as well as 在手),
   less those inside a longer one found, then single characters that no word covers. */
function fzWords(text, terms, withSynonyms) {
  var found = [];
  var covered = new Array(text.length).fill(false);
  for (var i = 0; i < text.length; i++) {
    for (var j = i + 2; j <= text.length; j++) {
      var piece = text.slice(i, j);
      if (withSynonyms && fzHas(FZ_SYNONYMS, piece)) {
        if (piece in terms) found.push(piece);
        FZ_SYNONYMS[piece].forEach(function (word) {
          Array.prototype.push.apply(found, word in terms ? [word] : fzWords(word, terms, false));
        });
      } else if (piece in terms && !fzHas(FZ_STOPWORDS, piece)) {
        found.push(piece);
      } else {
        continue;
      }
      for (var k = i; k < j; k++) covered[k] = true;
    }
  }
  var words = found.filter(function (word, n) {
    return found.indexOf(word) === n && !found.some(function (other) {
      return other.length > word.length && other.indexOf(word) >= 0;
    });
  });
  for (var c = 0; c < text.length; c++) {
    if (!covered[c] && text[c] in terms && !fzHas(FZ_STOPWORDS, text[c])) words.push(text[c]);
  }
  return words;
}

/* Material joins what this returns into the query; one piece padded with spaces keeps the words apart from any
   Latin letters around the run ("收到ETC认证"). */
function fzSegment(text, terms) {
  var words = fzWords(text, terms, true);
  return words.length ? [" " + words.join(" ") + " "] : [text];
}
