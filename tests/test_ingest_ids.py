from datasketch import MinHashLSH

from dyad.ingest import content_id, minhash


def test_ingest_ids_content_id_ignores_form_space_and_case():
    assert content_id("Iran  and\nChina") == content_id("iran and china") == content_id("ＩＲＡＮ and China")
    assert len(content_id("x")) == 16 and content_id("a") != content_id("b")


def test_ingest_ids_minhash_finds_near_duplicates():
    base = " ".join(f"word{i}" for i in range(300))
    edited = base.replace("word150", "changed")
    other = " ".join(f"other{i}" for i in range(300))
    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    lsh.insert("base", minhash(base))
    assert lsh.query(minhash(edited)) == ["base"]
    assert lsh.query(minhash(other)) == []
    minhash("")  # empty text must not raise
