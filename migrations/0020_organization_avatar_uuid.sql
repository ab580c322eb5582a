-- The avatar is served without authentication at /organization-avatar/{uuid}/, looked up by its uuid:
-- an index keeps that lookup off a scan of every organization, and uniqueness makes the uuid an identity.
create unique index organizations_avatar_uuid_key on organizations (avatar_uuid) where avatar_uuid is not null;
