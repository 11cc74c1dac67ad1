-- coopcom database schema.
--
-- Each "-- version N" section migrates a database at version N-1 to
-- version N; a new database runs every section in order. All of it runs
-- inside one transaction and PRAGMA user_version records the result.
-- A released section is never edited: a change is a new section.
--
-- Conventions: money is integer pence; dates are ISO YYYY-MM-DD text;
-- times are UTC "YYYY-MM-DD HH:MM:SS"; every editable row has a version
-- (bumped by each update, checked by the next) and who changed it last.
-- Nothing with history is deleted: rows are archived or their membership
-- ended (left_on).

-- version 1
CREATE TABLE meta (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE person (
	id INTEGER PRIMARY KEY,
	login TEXT UNIQUE,
	name TEXT NOT NULL CHECK (length(trim(name)) > 0),
	organisation TEXT NOT NULL DEFAULT '',
	kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('councillor',
	    'community_leader', 'business_leader', 'officer', 'resident',
	    'employee_rep', 'other')),
	email TEXT NOT NULL DEFAULT '',
	is_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
	archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1,
	updated_at TEXT NOT NULL,
	updated_by INTEGER REFERENCES person(id)
);

CREATE TABLE commission (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 12),
	name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
	kind TEXT NOT NULL DEFAULT 'commission'
	    CHECK (kind IN ('commission', 'citizens_group')),
	remit TEXT NOT NULL DEFAULT '',
	established TEXT,
	report_due TEXT,
	archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1,
	updated_at TEXT NOT NULL,
	updated_by INTEGER REFERENCES person(id)
);

CREATE TABLE commission_member (
	id INTEGER PRIMARY KEY,
	commission_id INTEGER NOT NULL REFERENCES commission(id),
	person_id INTEGER NOT NULL REFERENCES person(id),
	role TEXT NOT NULL CHECK (role IN ('chair', 'commissioner',
	    'secretary', 'lead_cabinet', 'observer')),
	joined_on TEXT NOT NULL,
	left_on TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	updated_at TEXT NOT NULL,
	updated_by INTEGER REFERENCES person(id)
);
CREATE UNIQUE INDEX commission_member_active
    ON commission_member(commission_id, person_id) WHERE left_on IS NULL;
CREATE INDEX commission_member_person ON commission_member(person_id);

CREATE TABLE subgroup (
	id INTEGER PRIMARY KEY,
	commission_id INTEGER NOT NULL REFERENCES commission(id),
	code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 12),
	name TEXT NOT NULL CHECK (length(trim(name)) > 0),
	remit TEXT NOT NULL DEFAULT '',
	theme TEXT NOT NULL DEFAULT '',
	lead_cabinet_id INTEGER REFERENCES person(id),
	cmt_lead_id INTEGER REFERENCES person(id),
	archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1,
	updated_at TEXT NOT NULL,
	updated_by INTEGER REFERENCES person(id),
	UNIQUE (commission_id, code),
	UNIQUE (commission_id, name)
);

CREATE TABLE subgroup_member (
	id INTEGER PRIMARY KEY,
	subgroup_id INTEGER NOT NULL REFERENCES subgroup(id),
	person_id INTEGER NOT NULL REFERENCES person(id),
	role TEXT NOT NULL CHECK (role IN ('chair', 'member', 'coopted',
	    'officer')),
	joined_on TEXT NOT NULL,
	left_on TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	updated_at TEXT NOT NULL,
	updated_by INTEGER REFERENCES person(id)
);
CREATE UNIQUE INDEX subgroup_member_active
    ON subgroup_member(subgroup_id, person_id) WHERE left_on IS NULL;
CREATE UNIQUE INDEX subgroup_one_chair
    ON subgroup_member(subgroup_id) WHERE role = 'chair' AND left_on IS NULL;
CREATE INDEX subgroup_member_person ON subgroup_member(person_id);

CREATE TABLE engagement (
	id INTEGER PRIMARY KEY,
	subgroup_id INTEGER NOT NULL REFERENCES subgroup(id),
	held_on TEXT NOT NULL,
	method TEXT NOT NULL CHECK (length(trim(method)) > 0),
	audience TEXT NOT NULL DEFAULT '',
	reach INTEGER CHECK (reach >= 0),
	summary TEXT NOT NULL DEFAULT '',
	archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1,
	updated_at TEXT NOT NULL,
	updated_by INTEGER REFERENCES person(id)
);
CREATE INDEX engagement_subgroup ON engagement(subgroup_id, held_on);

CREATE TABLE recommendation (
	id INTEGER PRIMARY KEY,
	subgroup_id INTEGER NOT NULL REFERENCES subgroup(id),
	ref TEXT NOT NULL UNIQUE CHECK (length(ref) BETWEEN 1 AND 40),
	title TEXT NOT NULL CHECK (length(trim(title)) > 0),
	body TEXT NOT NULL DEFAULT '',
	term TEXT CHECK (term IN ('short', 'medium', 'long')),
	savings_pence INTEGER CHECK (savings_pence >= 0),
	upfront_cost_pence INTEGER CHECK (upfront_cost_pence >= 0),
	equality_impact TEXT,
	stage TEXT NOT NULL,
	stage_since TEXT NOT NULL,
	round INTEGER NOT NULL DEFAULT 1,
	target_date TEXT,
	archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by INTEGER REFERENCES person(id),
	updated_at TEXT NOT NULL,
	updated_by INTEGER REFERENCES person(id)
);
CREATE INDEX recommendation_subgroup ON recommendation(subgroup_id, ref);
CREATE INDEX recommendation_stage ON recommendation(stage, stage_since);

-- Search as you type: an external-content FTS5 index kept by triggers.
CREATE VIRTUAL TABLE recommendation_fts USING fts5(
	ref, title, body, content = 'recommendation', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE TRIGGER recommendation_fts_ai AFTER INSERT ON recommendation BEGIN
	INSERT INTO recommendation_fts(rowid, ref, title, body)
	    VALUES (new.id, new.ref, new.title, new.body);
END;
CREATE TRIGGER recommendation_fts_ad AFTER DELETE ON recommendation BEGIN
	INSERT INTO recommendation_fts(recommendation_fts, rowid, ref, title,
	    body) VALUES ('delete', old.id, old.ref, old.title, old.body);
END;
CREATE TRIGGER recommendation_fts_au AFTER UPDATE OF ref, title, body
    ON recommendation BEGIN
	INSERT INTO recommendation_fts(recommendation_fts, rowid, ref, title,
	    body) VALUES ('delete', old.id, old.ref, old.title, old.body);
	INSERT INTO recommendation_fts(rowid, ref, title, body)
	    VALUES (new.id, new.ref, new.title, new.body);
END;

CREATE TABLE meeting (
	id INTEGER PRIMARY KEY,
	body TEXT NOT NULL CHECK (body IN ('assembly', 'subgroup',
	    'citizens_group', 'cabinet', 'council', 'scrutiny')),
	commission_id INTEGER REFERENCES commission(id),
	subgroup_id INTEGER REFERENCES subgroup(id),
	title TEXT NOT NULL DEFAULT '',
	held_on TEXT NOT NULL,
	place TEXT NOT NULL DEFAULT '',
	archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1,
	updated_at TEXT NOT NULL,
	updated_by INTEGER REFERENCES person(id)
);
CREATE INDEX meeting_held ON meeting(held_on);

CREATE TABLE attendance (
	meeting_id INTEGER NOT NULL REFERENCES meeting(id),
	person_id INTEGER NOT NULL REFERENCES person(id),
	status TEXT NOT NULL CHECK (status IN ('present', 'apologies',
	    'absent')),
	PRIMARY KEY (meeting_id, person_id)
) WITHOUT ROWID;

CREATE TABLE decision (
	id INTEGER PRIMARY KEY,
	meeting_id INTEGER NOT NULL REFERENCES meeting(id),
	recommendation_id INTEGER REFERENCES recommendation(id),
	outcome TEXT NOT NULL CHECK (outcome IN ('approved', 'rejected',
	    'referred_back', 'deferred', 'accepted', 'not_accepted',
	    'adopted', 'noted')),
	reason TEXT NOT NULL DEFAULT '',
	votes_for INTEGER CHECK (votes_for >= 0),
	votes_against INTEGER CHECK (votes_against >= 0),
	votes_abstain INTEGER CHECK (votes_abstain >= 0),
	actions TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1,
	updated_at TEXT NOT NULL,
	updated_by INTEGER REFERENCES person(id)
);
CREATE INDEX decision_recommendation ON decision(recommendation_id);
CREATE INDEX decision_meeting ON decision(meeting_id);

CREATE TABLE milestone (
	id INTEGER PRIMARY KEY,
	commission_id INTEGER REFERENCES commission(id),
	subgroup_id INTEGER REFERENCES subgroup(id),
	theme TEXT NOT NULL DEFAULT '',
	title TEXT NOT NULL CHECK (length(trim(title)) > 0),
	timescale TEXT NOT NULL,
	dating TEXT NOT NULL CHECK (dating IN ('exact', 'range', 'tbc',
	    'undated')),
	earliest TEXT,
	latest TEXT,
	status TEXT NOT NULL DEFAULT '',
	state TEXT NOT NULL DEFAULT 'planned' CHECK (state IN ('planned',
	    'done', 'cancelled')),
	done_on TEXT,
	notes TEXT NOT NULL DEFAULT '',
	archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1,
	updated_at TEXT NOT NULL,
	updated_by INTEGER REFERENCES person(id),
	CHECK (commission_id IS NOT NULL OR subgroup_id IS NOT NULL),
	CHECK ((earliest IS NULL) = (latest IS NULL)),
	CHECK (earliest IS NULL OR earliest <= latest)
);
CREATE INDEX milestone_when ON milestone(earliest, latest);

-- The audit trail: append-only and hash-chained. Each entry's hash is the
-- SHA-256 of its own content and the previous entry's hash; meta holds the
-- head, so an entry edited, inserted or deleted behind the program's back
-- (the sqlite3 shell, say) breaks the chain and `coopcom check` names it.
CREATE TABLE audit (
	id INTEGER PRIMARY KEY,
	at TEXT NOT NULL,
	person_id INTEGER REFERENCES person(id),
	login TEXT NOT NULL,
	entity TEXT NOT NULL,
	entity_id INTEGER NOT NULL,
	action TEXT NOT NULL,
	changes TEXT NOT NULL DEFAULT '{}',
	note TEXT NOT NULL DEFAULT '',
	decision_id INTEGER REFERENCES decision(id),
	prev_hash TEXT NOT NULL,
	hash TEXT NOT NULL UNIQUE
);
CREATE INDEX audit_entity ON audit(entity, entity_id, id);
CREATE INDEX audit_person ON audit(person_id, id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN
	SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN
	SELECT RAISE(ABORT, 'the audit trail is append-only');
END;

-- version 2
-- Delivery tracking of adopted recommendations (revised and actual dates,
-- progress, RACI), progress updates from the people responsible, and the
-- integrated impact assessment (one rating per heading per
-- recommendation).
ALTER TABLE recommendation ADD COLUMN revised_date TEXT;
ALTER TABLE recommendation ADD COLUMN actual_date TEXT;
ALTER TABLE recommendation ADD COLUMN percent_complete INTEGER
    CHECK (percent_complete BETWEEN 0 AND 100);
ALTER TABLE recommendation ADD COLUMN responsible_id INTEGER
    REFERENCES person(id);
ALTER TABLE recommendation ADD COLUMN accountable_id INTEGER
    REFERENCES person(id);
ALTER TABLE recommendation ADD COLUMN consulted TEXT NOT NULL DEFAULT '';
ALTER TABLE recommendation ADD COLUMN informed TEXT NOT NULL DEFAULT '';

CREATE TABLE progress_update (
	id INTEGER PRIMARY KEY,
	recommendation_id INTEGER NOT NULL REFERENCES recommendation(id),
	at TEXT NOT NULL,
	person_id INTEGER REFERENCES person(id),
	percent_complete INTEGER CHECK (percent_complete BETWEEN 0 AND 100),
	note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX progress_update_recommendation
    ON progress_update(recommendation_id, at);

CREATE TABLE impact (
	recommendation_id INTEGER NOT NULL REFERENCES recommendation(id),
	heading TEXT NOT NULL,
	rating TEXT NOT NULL CHECK (rating IN ('neutral', 'positive',
	    'negative')),
	comment TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1,
	updated_at TEXT NOT NULL,
	updated_by INTEGER REFERENCES person(id),
	PRIMARY KEY (recommendation_id, heading)
) WITHOUT ROWID;

-- version 3
-- The database's identity: a random UUID made once, when the schema is
-- made or migrated, and never changed. The calendar export derives each
-- event's UID from it and the record's id (milestone-42@UUID), so two
-- exports of one database name the same events and two databases never
-- clash. A backup keeps the identity of the database it copies.
INSERT INTO meta(key, value) SELECT 'database_id',
    lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) ||
    '-4' || substr(lower(hex(randomblob(2))), 2) || '-' ||
    substr('89ab', 1 + abs(random() % 4), 1) ||
    substr(lower(hex(randomblob(2))), 2) || '-' ||
    lower(hex(randomblob(6)));

-- version 4
-- Indexes for the timelines: recommendations by how long they have sat
-- in their stage ("stuck longest", across every stage), and the audit
-- trail newest first by time, for everyone or for one person, so a page
-- of a million entries is read from an index, never sorted.
CREATE INDEX recommendation_stage_since ON recommendation(stage_since);
CREATE INDEX audit_at ON audit(at);
CREATE INDEX audit_person_at ON audit(person_id, at);

-- version 5
-- The timeline chart (the "timeline" lists): each commission's own
-- milestones and each sub-group's milestones and recommendations, read in
-- date order from an index, so a page of the chart never sorts the table.
CREATE INDEX milestone_commission_when ON milestone(commission_id, earliest)
    WHERE archived = 0;
CREATE INDEX milestone_subgroup_when ON milestone(subgroup_id, earliest)
    WHERE archived = 0;
CREATE INDEX recommendation_due ON recommendation(subgroup_id,
    coalesce(revised_date, target_date)) WHERE archived = 0;
CREATE INDEX subgroup_theme ON subgroup(theme);

-- version 6
-- The chart orders a day's milestones by their last day too: with it in
-- the index the milestone parts of the "timeline" lists are read in
-- order, not sorted a commission at a time.
DROP INDEX milestone_commission_when;
DROP INDEX milestone_subgroup_when;
CREATE INDEX milestone_commission_when ON milestone(commission_id, earliest,
    latest) WHERE archived = 0;
CREATE INDEX milestone_subgroup_when ON milestone(subgroup_id, earliest,
    latest) WHERE archived = 0;

-- version 7
-- Search within a commission or a sub-group without reading the rows.
-- The search index holds each recommendation's scope as words of a
-- column of their own, "c12 s345" (its commission's and sub-group's
-- ids), so the index itself intersects the words typed with the scope;
-- the typed words are looked for in ref, title and body only. Prefixes
-- of up to six letters are indexed: a longer prefix not in the index
-- makes FTS5 merge the lists of every word it begins, over the whole
-- table, before the scope can narrow them ("ward"*: 40,000 rows, 7 ms,
-- against 0.6 ms from the index). The view is the index's content:
-- what "rebuild" reads and what the triggers write and take out again,
-- the same text for the same row. A sub-group's commission and a
-- recommendation's sub-group are fixed, but should either change the
-- index follows. recommendation_key holds what
-- the list sorts and filters a match by, looked up by id, so a page of
-- matches reads from the table only the rows it shows.
DROP TRIGGER recommendation_fts_ai;
DROP TRIGGER recommendation_fts_ad;
DROP TRIGGER recommendation_fts_au;
DROP TABLE recommendation_fts;
CREATE VIEW recommendation_search AS SELECT r.id, r.ref, r.title, r.body,
    'c' || (SELECT commission_id FROM subgroup WHERE id = r.subgroup_id) ||
    ' s' || r.subgroup_id AS scope FROM recommendation r;
CREATE VIRTUAL TABLE recommendation_fts USING fts5(
	ref, title, body, scope, content = 'recommendation_search',
	content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3 4 5 6');
INSERT INTO recommendation_fts(recommendation_fts) VALUES ('rebuild');
CREATE TRIGGER recommendation_fts_ai AFTER INSERT ON recommendation BEGIN
	INSERT INTO recommendation_fts(rowid, ref, title, body, scope)
	    VALUES (new.id, new.ref, new.title, new.body, 'c' || (SELECT
	    commission_id FROM subgroup WHERE id = new.subgroup_id) || ' s' ||
	    new.subgroup_id);
END;
CREATE TRIGGER recommendation_fts_ad AFTER DELETE ON recommendation BEGIN
	INSERT INTO recommendation_fts(recommendation_fts, rowid, ref, title,
	    body, scope) VALUES ('delete', old.id, old.ref, old.title,
	    old.body, 'c' || (SELECT commission_id FROM subgroup WHERE id =
	    old.subgroup_id) || ' s' || old.subgroup_id);
END;
CREATE TRIGGER recommendation_fts_au AFTER UPDATE OF ref, title, body,
    subgroup_id ON recommendation BEGIN
	INSERT INTO recommendation_fts(recommendation_fts, rowid, ref, title,
	    body, scope) VALUES ('delete', old.id, old.ref, old.title,
	    old.body, 'c' || (SELECT commission_id FROM subgroup WHERE id =
	    old.subgroup_id) || ' s' || old.subgroup_id);
	INSERT INTO recommendation_fts(rowid, ref, title, body, scope)
	    VALUES (new.id, new.ref, new.title, new.body, 'c' || (SELECT
	    commission_id FROM subgroup WHERE id = new.subgroup_id) || ' s' ||
	    new.subgroup_id);
END;
CREATE TRIGGER subgroup_fts_au AFTER UPDATE OF commission_id ON subgroup
BEGIN
	INSERT INTO recommendation_fts(recommendation_fts, rowid, ref, title,
	    body, scope) SELECT 'delete', id, ref, title, body, 'c' ||
	    old.commission_id || ' s' || old.id FROM recommendation WHERE
	    subgroup_id = old.id;
	INSERT INTO recommendation_fts(rowid, ref, title, body, scope)
	    SELECT id, ref, title, body, 'c' || new.commission_id || ' s' ||
	    new.id FROM recommendation WHERE subgroup_id = new.id;
END;
CREATE INDEX recommendation_key ON recommendation(id, subgroup_id, archived,
    ref);
-- A recommendation is looked up by its reference typed in any case
-- (CLI arguments, import rows): without this index each lookup read the
-- whole table, and an import of rows with references was quadratic.
CREATE INDEX recommendation_ref_nocase ON recommendation(ref COLLATE NOCASE);

-- version 8
-- Search results are listed in the order they were added, the search
-- index's own, so a page of matches is the first rows the index yields
-- rather than every match looked up and sorted (2,000 matches in a
-- commission: 2.5 ms sorted by sub-group and reference, 0.4 ms). The
-- index also tells the archived rows apart, by the word "archived" in
-- their scope, so a search and its count read no table at all, and
-- recommendation_key, which served the sort, is no longer needed.
DROP TRIGGER recommendation_fts_ai;
DROP TRIGGER recommendation_fts_ad;
DROP TRIGGER recommendation_fts_au;
DROP TRIGGER subgroup_fts_au;
DROP TABLE recommendation_fts;
DROP VIEW recommendation_search;
DROP INDEX recommendation_key;
CREATE VIEW recommendation_search AS SELECT r.id, r.ref, r.title, r.body,
    'c' || (SELECT commission_id FROM subgroup WHERE id = r.subgroup_id) ||
    ' s' || r.subgroup_id || iif(r.archived, ' archived', '') AS scope
    FROM recommendation r;
CREATE VIRTUAL TABLE recommendation_fts USING fts5(
	ref, title, body, scope, content = 'recommendation_search',
	content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3 4 5 6');
INSERT INTO recommendation_fts(recommendation_fts) VALUES ('rebuild');
CREATE TRIGGER recommendation_fts_ai AFTER INSERT ON recommendation BEGIN
	INSERT INTO recommendation_fts(rowid, ref, title, body, scope)
	    SELECT id, ref, title, body, scope FROM recommendation_search
	    WHERE id = new.id;
END;
CREATE TRIGGER recommendation_fts_ad AFTER DELETE ON recommendation BEGIN
	INSERT INTO recommendation_fts(recommendation_fts, rowid, ref, title,
	    body, scope) VALUES ('delete', old.id, old.ref, old.title,
	    old.body, 'c' || (SELECT commission_id FROM subgroup WHERE id =
	    old.subgroup_id) || ' s' || old.subgroup_id || iif(old.archived,
	    ' archived', ''));
END;
CREATE TRIGGER recommendation_fts_au AFTER UPDATE OF ref, title, body,
    subgroup_id, archived ON recommendation BEGIN
	INSERT INTO recommendation_fts(recommendation_fts, rowid, ref, title,
	    body, scope) VALUES ('delete', old.id, old.ref, old.title,
	    old.body, 'c' || (SELECT commission_id FROM subgroup WHERE id =
	    old.subgroup_id) || ' s' || old.subgroup_id || iif(old.archived,
	    ' archived', ''));
	INSERT INTO recommendation_fts(rowid, ref, title, body, scope)
	    SELECT id, ref, title, body, scope FROM recommendation_search
	    WHERE id = new.id;
END;
CREATE TRIGGER subgroup_fts_au AFTER UPDATE OF commission_id ON subgroup
BEGIN
	INSERT INTO recommendation_fts(recommendation_fts, rowid, ref, title,
	    body, scope) SELECT 'delete', id, ref, title, body, 'c' ||
	    old.commission_id || ' s' || old.id || iif(archived, ' archived',
	    '') FROM recommendation WHERE subgroup_id = old.id;
	INSERT INTO recommendation_fts(rowid, ref, title, body, scope)
	    SELECT id, ref, title, body, scope FROM recommendation_search
	    WHERE id IN (SELECT id FROM recommendation WHERE subgroup_id =
	    new.id);
END;
