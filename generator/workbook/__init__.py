"""The kamus as an Excel workbook and back, and SKJ forms in the KemenPANRB layout (`kamus export
--format xlsx`, `kamus import`)."""
