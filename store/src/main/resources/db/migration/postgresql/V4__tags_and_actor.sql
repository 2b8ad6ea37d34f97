-- Who moved an alias. Changes recorded before actors were kept read back as 'unattributed', the actor the
-- registry records when a caller does not say who is acting.
ALTER TABLE alias_changes ADD COLUMN actor TEXT NOT NULL DEFAULT 'unattributed';

-- Tags: mutable key/value metadata of an otherwise immutable version, one value per key.
-- The primary key leads with (name, version), so the tags of one version, or of a page of versions
-- (name = ? AND version BETWEEN ? AND ?), are one range of the key. version_tags_by_value serves
-- "versions of a model whose tag k is v" from the index alone, already in version order.
-- Keyset pagination of versions (name = ? AND version > ? ORDER BY version LIMIT ?) needs no new index:
-- the primary key (name, version) of versions already holds a model's versions in order.
-- No index on actor: the audit trail is read per alias (alias_changes_by_alias), never searched by actor.
CREATE TABLE version_tags (
    name      TEXT    NOT NULL,
    version   INTEGER NOT NULL,
    tag_key   TEXT    NOT NULL,
    tag_value TEXT    NOT NULL,
    PRIMARY KEY (name, version, tag_key),
    FOREIGN KEY (name, version) REFERENCES versions (name, version)
);
CREATE INDEX version_tags_by_value ON version_tags (name, tag_key, tag_value, version);
