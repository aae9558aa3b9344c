"""Stage 5: publish the kamus: prepare the site's content, render it, run MkDocs, swap the
output in (`kamus build`), write the Markdown project alone (`kamus render`), or serve a
live preview (`kamus serve`)."""
