from lagebild.corpus.dedup import DuplicateIndex, exact_hash, from_hex, minhash, to_hex

ORIGINAL = ("Russland und die Ukraine haben in Istanbul erstmals seit drei Jahren direkt "
            "miteinander verhandelt. Beide Seiten vereinbarten, je tausend Gefangene "
            "auszutauschen. Über eine Waffenruhe gab es keine Einigung, hieß es anschließend.")


def test_exact_hash_ignores_case_punctuation_and_spacing():
    assert exact_hash(ORIGINAL) == exact_hash(ORIGINAL.upper().replace(",", "  "))


def test_lightly_edited_copy_is_found_unrelated_text_is_not():
    idx = DuplicateIndex()
    idx.add("orig", ORIGINAL)
    edited = ORIGINAL.replace("hieß es anschließend", "teilten Diplomaten mit") + " (dpa)"
    found = idx.find(edited)
    assert found is not None and found[0] == "orig" and 0.6 <= found[1] < 1.0
    other = ("In Istanbul trafen sich Vertreter beider Staaten zu Gesprächen. Moskau schickte "
             "eine kleine Delegation, Kiew den Verteidigungsminister; ein Gefangenenaustausch "
             "wurde verabredet, eine Feuerpause nicht.")
    assert idx.find(other) is None


def test_signature_round_trips_through_hex():
    sig = minhash(ORIGINAL)
    assert from_hex(to_hex(sig)).jaccard(sig) == 1.0


def test_copy_with_extra_page_text_is_found_by_containment():
    idx = DuplicateIndex()
    page = ORIGINAL + ("\nKommentare (3)\nhelga_w schrieb vor 2 Stunden: Endlich bewegt sich "
                       "etwas.\nAntwort an helga_w: Abwarten, sage ich nur.")
    idx.add("orig", page)
    copy = "Startseite > Welt\n" + ORIGINAL + " (Agentur)\nImpressum | Datenschutz"
    found = idx.find(copy)
    assert found is not None and found[0] == "orig"
    # a short text is not a copy of a long one just because the long one contains it
    long_page = page + " " + " ".join(f"Absatz {i} über ganz andere Themen." for i in range(80))
    idx2 = DuplicateIndex()
    idx2.add("long", long_page)
    assert idx2.find(ORIGINAL) is None
