-- Letters produced, printed and posted. A letter is produced once from the queue (its PDF stored through the
-- evidence storage protocol, in a folder of its own, with its SHA-256, pages and the template's version) and never
-- changes after; a correction is a new letter. `layout` is the laid-out content (JSON) a print batch draws the
-- same pages from. Status: queued → ready (produced) → batched → printed → posted, or returned after posting;
-- `failed` when it could not be produced (`problem` says why).
ALTER TABLE letters ADD COLUMN problem TEXT;
ALTER TABLE letters ADD COLUMN produced_at TEXT;
ALTER TABLE letters ADD COLUMN file_key TEXT;
ALTER TABLE letters ADD COLUMN byte_size BIGINT;
ALTER TABLE letters ADD COLUMN sha256 TEXT;
ALTER TABLE letters ADD COLUMN pages INTEGER;
ALTER TABLE letters ADD COLUMN template_version TEXT;
ALTER TABLE letters ADD COLUMN layout TEXT;
ALTER TABLE letters ADD COLUMN recipient TEXT;
ALTER TABLE letters ADD COLUMN batch_id TEXT;
ALTER TABLE letters ADD COLUMN posted_on TEXT;               -- the posting day (authority's time zone)
ALTER TABLE letters ADD COLUMN deemed_served_on TEXT;        -- 2 business days after posting
ALTER TABLE letters ADD COLUMN returned_at TEXT;
ALTER TABLE letters ADD COLUMN return_reason TEXT;
-- When the case took the letter's effect (an acknowledgement letter posted acknowledges the case).
ALTER TABLE letters ADD COLUMN case_updated_at TEXT;
CREATE INDEX letters_case ON letters (case_reference, queued_at);
CREATE INDEX letters_batch ON letters (batch_id, kind, id);

-- A print batch: the letters ready up to a cut-off, one PDF (each letter on a new sheet) and a CSV manifest.
-- Status: creating (letters assigned, files being written) → ready → printed → posted.
CREATE TABLE letter_batches (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    cutoff TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    letters INTEGER NOT NULL,
    pages INTEGER,
    sheets INTEGER,
    pdf_key TEXT,
    pdf_sha256 TEXT,
    manifest_key TEXT,
    printed_at TEXT,
    printed_by TEXT,
    posted_on TEXT,
    posted_by TEXT
);
CREATE INDEX letter_batches_created ON letter_batches (created_at);
