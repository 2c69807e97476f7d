-- Buyers erased on request (PIPL), so that re-importing an old export does not bring the person back.
-- Only a keyed hash of the shop's buyer id is kept (HMAC-SHA-256 with a random key in settings
-- 'privacy.forget-key'), never the id itself: the list can say "this id was forgotten", not who it was.
CREATE TABLE forgotten_buyers (
  buyer_hash    TEXT PRIMARY KEY,
  forgotten_at  TEXT NOT NULL
);
