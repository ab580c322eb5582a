/**
 * The API's request and response shapes, generated from the route schemas (/api/0/openapi.json) by
 * `npm run api-types`. Do not edit: change the route's schema and regenerate. `npm run lint` fails
 * while this file is stale.
 */
export type paths = {
    "/api/0/organizations/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the requester's organizations */
        get: operations["listOrganizations"];
        put?: never;
        /** Create an organization owned by the requester */
        post: operations["createOrganization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/organizations/{organization_id_or_slug}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve an organization (`?detailed=0` without teams, `?include_feature_flags=1` with features) */
        get: operations["getOrganization"];
        /** Update an organization's settings */
        put: operations["updateOrganization"];
        post?: never;
        /** Queue an organization for deletion (restorable for 24 hours) */
        delete: operations["deleteOrganization"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/organizations/{organization_id_or_slug}/members/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an organization's members (Sentry's query language, cursor pagination) */
        get: operations["listOrganizationMembers"];
        put?: never;
        /** Invite a member to an organization (`?referrer=` goes into the invite link) */
        post: operations["addOrganizationMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/organizations/{organization_id_or_slug}/members/{member_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a member (`me` for the requester) */
        get: operations["getOrganizationMember"];
        /** Update a member's org role and teams, or resend its invite (`reinvite`) */
        put: operations["updateOrganizationMember"];
        post?: never;
        /** Remove a member, leave (`me`), or withdraw an invite */
        delete: operations["deleteOrganizationMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/users/me/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The requester's own account */
        get: operations["getCurrentUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/users/me/authenticators/totp/enroll/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Start enrolling a TOTP authenticator: a new secret and its otpauth:// URI */
        get: operations["startTotpEnrolment"];
        put?: never;
        /** Confirm the TOTP enrolment with a code from the app */
        post: operations["confirmTotpEnrolment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/users/me/authenticators/{authenticator_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove one of the requester's authenticators */
        delete: operations["deleteAuthenticator"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/api-tokens/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The requester's API tokens */
        get: operations["listApiTokens"];
        put?: never;
        /** Create an API token for the requester; the token is in this response only */
        post: operations["createApiToken"];
        /** Delete one of the requester's API tokens */
        delete: operations["deleteApiToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/organizations/{organization_id_or_slug}/audit-logs/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An organization's audit log, newest first, cursor-paginated (Link header) */
        get: operations["listAuditLogEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/accept-invite/{organization_id_or_slug}/{member_id}/{token}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Details of a valid invite link, for the accept page (no credentials needed) */
        get: operations["getAcceptInvite"];
        put?: never;
        /** Accept an invite: the requester's account must own the invited address; without credentials, a new account is made for it */
        post: operations["acceptInvite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/accept-invite/{member_id}/{token}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Details of a valid invite link, for the accept page (no credentials needed) */
        get: operations["getAcceptInviteShort"];
        put?: never;
        /** Accept an invite: the requester's account must own the invited address; without credentials, a new account is made for it */
        post: operations["acceptInviteShort"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/users/me/emails/confirm/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email the requester a link that verifies its address */
        post: operations["requestEmailConfirmation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/account/confirm-email/{user_id}/{token}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark an address verified with the link sent by email (no authentication) */
        post: operations["confirmEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/organizations/{organization_id_or_slug}/teams/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an organization's active teams (`?team=` ids or `myteams`, `?query=`, cursor pagination) */
        get: operations["listOrganizationTeams"];
        put?: never;
        /** Create a team; the creator joins it */
        post: operations["createOrganizationTeam"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/organizations/{organization_id_or_slug}/user-teams/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The requester's teams in the organization */
        get: operations["listOrganizationUserTeams"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/teams/{organization_id_or_slug}/{team_id_or_slug}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a team (with its organization unless `collapse=organization`) */
        get: operations["getTeam"];
        /** Change a team's name or slug */
        put: operations["updateTeam"];
        post?: never;
        /** Schedule a team for deletion (it disappears at once; its slug is free again) */
        delete: operations["deleteTeam"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/teams/{organization_id_or_slug}/{team_id_or_slug}/members/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a team's members with their team roles (cursor pagination) */
        get: operations["listTeamMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/organizations/{organization_id_or_slug}/members/{member_id}/teams/{team_id_or_slug}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A member's membership of a team */
        get: operations["getOrganizationMemberTeam"];
        /** Change a member's team role */
        put: operations["updateOrganizationMemberTeam"];
        /** Add a member to a team (201), request access for it (202), or nothing: already on it (204) */
        post: operations["addOrganizationMemberTeam"];
        /** Remove a member from a team */
        delete: operations["deleteOrganizationMemberTeam"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/organizations/{organization_id_or_slug}/access-requests/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open requests to join a team that the requester may answer */
        get: operations["listOrganizationAccessRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/organizations/{organization_id_or_slug}/access-requests/{request_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Approve (the member joins the team) or deny a request to join a team */
        put: operations["updateOrganizationAccessRequest"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/auth/signin-link/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email a one-time sign-in link (always 204, whether or not the address has an account) */
        post: operations["requestSigninLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/auth/signin/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a sign-in link's token for a session cookie */
        post: operations["signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/auth/2fa/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete a session's sign-in with a TOTP code */
        post: operations["signInSecondFactor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/auth/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in account and its CSRF token */
        get: operations["whoAmI"];
        put?: never;
        post?: never;
        /** Sign out: revoke the session */
        delete: operations["signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/organizations/{organization_id_or_slug}/auth-provider/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's SSO provider */
        get: operations["getAuthProvider"];
        /** Change Require SSO, the default role, the provider configuration, or turn SCIM on or off */
        put: operations["updateAuthProvider"];
        /** Enable SSO through an OpenID Connect or SAML 2.0 identity provider */
        post: operations["createAuthProvider"];
        /** Disable SSO: members are emailed, identities deleted */
        delete: operations["deleteAuthProvider"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/organizations/{organization_id_or_slug}/auth-provider/send-reminders/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email the SSO-link request again to every member without a linked identity */
        post: operations["sendAuthProviderReminders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/organizations/{organization_id_or_slug}/auth-provider/rotate-scim-token/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a new SCIM token (shown once); the previous one keeps working for 24 hours */
        post: operations["rotateScimToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/organizations/{organization_id_or_slug}/scim/v2/ServiceProviderConfig": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What this SCIM server supports */
        get: operations["getScimServiceProviderConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/organizations/{organization_id_or_slug}/scim/v2/ResourceTypes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The resource types: User and Group */
        get: operations["listScimResourceTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/organizations/{organization_id_or_slug}/scim/v2/ResourceTypes/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One resource type */
        get: operations["getScimResourceType"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/organizations/{organization_id_or_slug}/scim/v2/Schemas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The User and Group schemas, with the attributes Roster keeps */
        get: operations["listScimSchemas"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/organizations/{organization_id_or_slug}/scim/v2/Schemas/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One schema, by its URN */
        get: operations["getScimSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/organizations/{organization_id_or_slug}/scim/v2/Users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List members as SCIM Users (filter, startIndex, count) */
        get: operations["listScimUsers"];
        put?: never;
        /** Provision a member (a pending invite, no email sent) */
        post: operations["provisionScimUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/organizations/{organization_id_or_slug}/scim/v2/Users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a member as a SCIM User */
        get: operations["getScimUser"];
        /** Sync a member's role and profile; `active: false` deprovisions (204) */
        put: operations["replaceScimUser"];
        post?: never;
        /** Deprovision a member (its teams and SSO identity go too) */
        delete: operations["deprovisionScimUser"];
        options?: never;
        head?: never;
        /** Patch a member (RFC 7644 PatchOp); `active: false` deprovisions (204) */
        patch: operations["patchScimUser"];
        trace?: never;
    };
    "/api/0/organizations/{organization_id_or_slug}/scim/v2/Groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's teams as SCIM Groups, by id, filtered and paged */
        get: operations["listScimGroups"];
        put?: never;
        /** Provision a team managed by the identity provider */
        post: operations["createScimGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/0/organizations/{organization_id_or_slug}/scim/v2/Groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One team as a SCIM Group */
        get: operations["getScimGroup"];
        put?: never;
        post?: never;
        /** Delete a team */
        delete: operations["deleteScimGroup"];
        options?: never;
        head?: never;
        /** Rename a team, set its externalId, change its members (the team becomes the identity provider's) */
        patch: operations["patchScimGroup"];
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    listOrganizations: {
        parameters: {
            query?: {
                owner?: boolean;
                query?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        slug: string;
                        status: {
                            id: string;
                            name: string;
                        };
                        name: string;
                        /** Format: date-time */
                        dateCreated: string;
                        isEarlyAdopter: boolean;
                        require2FA: boolean;
                        requireEmailVerification: boolean;
                        avatar: {
                            avatarType: string;
                            avatarUuid: string | null;
                            avatarUrl: string | null;
                        };
                        allowMemberInvite: boolean;
                        allowMemberProjectCreation: boolean;
                        allowSuperuserAccess: boolean;
                        links: {
                            organizationUrl: string;
                            regionUrl: string;
                        };
                        hasAuthProvider: boolean;
                        features: string[];
                    }[];
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    createOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string & unknown;
                    slug?: string;
                    agreeTerms?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        slug: string;
                        status: {
                            id: string;
                            name: string;
                        };
                        name: string;
                        /** Format: date-time */
                        dateCreated: string;
                        isEarlyAdopter: boolean;
                        require2FA: boolean;
                        requireEmailVerification: boolean;
                        avatar: {
                            avatarType: string;
                            avatarUuid: string | null;
                            avatarUrl: string | null;
                        };
                        allowMemberInvite: boolean;
                        allowMemberProjectCreation: boolean;
                        allowSuperuserAccess: boolean;
                        links: {
                            organizationUrl: string;
                            regionUrl: string;
                        };
                        hasAuthProvider: boolean;
                        features?: string[];
                        access: string[];
                        experiments: Record<string, never>;
                        isDefault: boolean;
                        defaultRole: string;
                        availableRoles: {
                            id: string;
                            name: string;
                        }[];
                        orgRoleList: {
                            id: string;
                            name: string;
                            desc: string;
                            scopes: string[];
                            allowed: boolean;
                            isAllowed: boolean;
                            isRetired: boolean;
                            isTeamRolesAllowed: boolean;
                            is_global: boolean;
                            isGlobal: boolean;
                            minimumTeamRole: string;
                        }[];
                        teamRoleList: {
                            id: string;
                            name: string;
                            desc: string;
                            scopes: string[];
                            allowed: boolean;
                            isAllowed: boolean;
                            isRetired: boolean;
                            isTeamRolesAllowed: boolean;
                            isMinimumRoleFor: string | null;
                        }[];
                        openMembership: boolean;
                        allowSharedIssues: boolean;
                        enhancedPrivacy: boolean;
                        dataScrubber: boolean;
                        dataScrubberDefaults: boolean;
                        sensitiveFields: string[];
                        safeFields: string[];
                        storeCrashReports: number;
                        attachmentsRole: string;
                        debugFilesRole: string;
                        eventsMemberAdmin: boolean;
                        alertsMemberWrite: boolean;
                        scrubIPAddresses: boolean;
                        scrapeJavaScript: boolean;
                        allowJoinRequests: boolean;
                        requiresSso: boolean;
                        pendingAccessRequests: number;
                        role?: string;
                        orgRole?: string;
                        teams?: {
                            id: string;
                            slug: string;
                            name: string;
                            /** Format: date-time */
                            dateCreated: string;
                            isMember: boolean;
                            teamRole: string | null;
                            flags: {
                                "idp:provisioned": boolean;
                            };
                            access: string[];
                            hasAccess: boolean;
                            isPending: boolean;
                            memberCount: number;
                            avatar: {
                                avatarType: string;
                                avatarUuid: string | null;
                            };
                        }[];
                    };
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getOrganization: {
        parameters: {
            query?: {
                /** @description `0` leaves out `teams` (and the projects Roster does not have) */
                detailed?: string;
                /** @description Anything but `0` adds `features` */
                include_feature_flags?: string;
            };
            header?: never;
            path: {
                organization_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        slug: string;
                        status: {
                            id: string;
                            name: string;
                        };
                        name: string;
                        /** Format: date-time */
                        dateCreated: string;
                        isEarlyAdopter: boolean;
                        require2FA: boolean;
                        requireEmailVerification: boolean;
                        avatar: {
                            avatarType: string;
                            avatarUuid: string | null;
                            avatarUrl: string | null;
                        };
                        allowMemberInvite: boolean;
                        allowMemberProjectCreation: boolean;
                        allowSuperuserAccess: boolean;
                        links: {
                            organizationUrl: string;
                            regionUrl: string;
                        };
                        hasAuthProvider: boolean;
                        features?: string[];
                        access: string[];
                        experiments: Record<string, never>;
                        isDefault: boolean;
                        defaultRole: string;
                        availableRoles: {
                            id: string;
                            name: string;
                        }[];
                        orgRoleList: {
                            id: string;
                            name: string;
                            desc: string;
                            scopes: string[];
                            allowed: boolean;
                            isAllowed: boolean;
                            isRetired: boolean;
                            isTeamRolesAllowed: boolean;
                            is_global: boolean;
                            isGlobal: boolean;
                            minimumTeamRole: string;
                        }[];
                        teamRoleList: {
                            id: string;
                            name: string;
                            desc: string;
                            scopes: string[];
                            allowed: boolean;
                            isAllowed: boolean;
                            isRetired: boolean;
                            isTeamRolesAllowed: boolean;
                            isMinimumRoleFor: string | null;
                        }[];
                        openMembership: boolean;
                        allowSharedIssues: boolean;
                        enhancedPrivacy: boolean;
                        dataScrubber: boolean;
                        dataScrubberDefaults: boolean;
                        sensitiveFields: string[];
                        safeFields: string[];
                        storeCrashReports: number;
                        attachmentsRole: string;
                        debugFilesRole: string;
                        eventsMemberAdmin: boolean;
                        alertsMemberWrite: boolean;
                        scrubIPAddresses: boolean;
                        scrapeJavaScript: boolean;
                        allowJoinRequests: boolean;
                        requiresSso: boolean;
                        pendingAccessRequests: number;
                        role?: string;
                        orgRole?: string;
                        teams?: {
                            id: string;
                            slug: string;
                            name: string;
                            /** Format: date-time */
                            dateCreated: string;
                            isMember: boolean;
                            teamRole: string | null;
                            flags: {
                                "idp:provisioned": boolean;
                            };
                            access: string[];
                            hasAccess: boolean;
                            isPending: boolean;
                            memberCount: number;
                            avatar: {
                                avatarType: string;
                                avatarUuid: string | null;
                            };
                        }[];
                    };
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    updateOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string & unknown;
                    slug?: string;
                    avatarType?: "letter_avatar" | "upload";
                    /** @description The image, base64-encoded: GIF, JPEG or PNG, square, 256 to 1024 px */
                    avatar?: string | null;
                    /** @description member, admin, manager or owner (org:admin only) */
                    defaultRole?: string;
                    openMembership?: boolean;
                    allowMemberInvite?: boolean;
                    allowJoinRequests?: boolean;
                    allowSharedIssues?: boolean;
                    enhancedPrivacy?: boolean;
                    isEarlyAdopter?: boolean;
                    require2FA?: boolean;
                    requireEmailVerification?: boolean;
                    eventsMemberAdmin?: boolean;
                    alertsMemberWrite?: boolean;
                    dataScrubber?: boolean;
                    dataScrubberDefaults?: boolean;
                    sensitiveFields?: string[];
                    safeFields?: string[];
                    scrubIPAddresses?: boolean;
                    storeCrashReports?: number;
                    attachmentsRole?: string;
                    debugFilesRole?: string;
                    scrapeJavaScript?: boolean;
                    /** @description Restores an organization pending deletion (org:admin only) */
                    cancelDeletion?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        slug: string;
                        status: {
                            id: string;
                            name: string;
                        };
                        name: string;
                        /** Format: date-time */
                        dateCreated: string;
                        isEarlyAdopter: boolean;
                        require2FA: boolean;
                        requireEmailVerification: boolean;
                        avatar: {
                            avatarType: string;
                            avatarUuid: string | null;
                            avatarUrl: string | null;
                        };
                        allowMemberInvite: boolean;
                        allowMemberProjectCreation: boolean;
                        allowSuperuserAccess: boolean;
                        links: {
                            organizationUrl: string;
                            regionUrl: string;
                        };
                        hasAuthProvider: boolean;
                        features?: string[];
                        access: string[];
                        experiments: Record<string, never>;
                        isDefault: boolean;
                        defaultRole: string;
                        availableRoles: {
                            id: string;
                            name: string;
                        }[];
                        orgRoleList: {
                            id: string;
                            name: string;
                            desc: string;
                            scopes: string[];
                            allowed: boolean;
                            isAllowed: boolean;
                            isRetired: boolean;
                            isTeamRolesAllowed: boolean;
                            is_global: boolean;
                            isGlobal: boolean;
                            minimumTeamRole: string;
                        }[];
                        teamRoleList: {
                            id: string;
                            name: string;
                            desc: string;
                            scopes: string[];
                            allowed: boolean;
                            isAllowed: boolean;
                            isRetired: boolean;
                            isTeamRolesAllowed: boolean;
                            isMinimumRoleFor: string | null;
                        }[];
                        openMembership: boolean;
                        allowSharedIssues: boolean;
                        enhancedPrivacy: boolean;
                        dataScrubber: boolean;
                        dataScrubberDefaults: boolean;
                        sensitiveFields: string[];
                        safeFields: string[];
                        storeCrashReports: number;
                        attachmentsRole: string;
                        debugFilesRole: string;
                        eventsMemberAdmin: boolean;
                        alertsMemberWrite: boolean;
                        scrubIPAddresses: boolean;
                        scrapeJavaScript: boolean;
                        allowJoinRequests: boolean;
                        requiresSso: boolean;
                        pendingAccessRequests: number;
                        role?: string;
                        orgRole?: string;
                        teams?: {
                            id: string;
                            slug: string;
                            name: string;
                            /** Format: date-time */
                            dateCreated: string;
                            isMember: boolean;
                            teamRole: string | null;
                            flags: {
                                "idp:provisioned": boolean;
                            };
                            access: string[];
                            hasAccess: boolean;
                            isPending: boolean;
                            memberCount: number;
                            avatar: {
                                avatarType: string;
                                avatarUuid: string | null;
                            };
                        }[];
                        membersAskedToComply?: {
                            id: string;
                            email: string;
                            orgRole: string;
                        }[];
                    };
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    deleteOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        slug: string;
                        status: {
                            id: string;
                            name: string;
                        };
                        name: string;
                        /** Format: date-time */
                        dateCreated: string;
                        isEarlyAdopter: boolean;
                        require2FA: boolean;
                        requireEmailVerification: boolean;
                        avatar: {
                            avatarType: string;
                            avatarUuid: string | null;
                            avatarUrl: string | null;
                        };
                        allowMemberInvite: boolean;
                        allowMemberProjectCreation: boolean;
                        allowSuperuserAccess: boolean;
                        links: {
                            organizationUrl: string;
                            regionUrl: string;
                        };
                        hasAuthProvider: boolean;
                        features?: string[];
                        access: string[];
                        experiments: Record<string, never>;
                        isDefault: boolean;
                        defaultRole: string;
                        availableRoles: {
                            id: string;
                            name: string;
                        }[];
                        orgRoleList: {
                            id: string;
                            name: string;
                            desc: string;
                            scopes: string[];
                            allowed: boolean;
                            isAllowed: boolean;
                            isRetired: boolean;
                            isTeamRolesAllowed: boolean;
                            is_global: boolean;
                            isGlobal: boolean;
                            minimumTeamRole: string;
                        }[];
                        teamRoleList: {
                            id: string;
                            name: string;
                            desc: string;
                            scopes: string[];
                            allowed: boolean;
                            isAllowed: boolean;
                            isRetired: boolean;
                            isTeamRolesAllowed: boolean;
                            isMinimumRoleFor: string | null;
                        }[];
                        openMembership: boolean;
                        allowSharedIssues: boolean;
                        enhancedPrivacy: boolean;
                        dataScrubber: boolean;
                        dataScrubberDefaults: boolean;
                        sensitiveFields: string[];
                        safeFields: string[];
                        storeCrashReports: number;
                        attachmentsRole: string;
                        debugFilesRole: string;
                        eventsMemberAdmin: boolean;
                        alertsMemberWrite: boolean;
                        scrubIPAddresses: boolean;
                        scrapeJavaScript: boolean;
                        allowJoinRequests: boolean;
                        requiresSso: boolean;
                        pendingAccessRequests: number;
                        role?: string;
                        orgRole?: string;
                        teams?: {
                            id: string;
                            slug: string;
                            name: string;
                            /** Format: date-time */
                            dateCreated: string;
                            isMember: boolean;
                            teamRole: string | null;
                            flags: {
                                "idp:provisioned": boolean;
                            };
                            access: string[];
                            hasAccess: boolean;
                            isPending: boolean;
                            memberCount: number;
                            avatar: {
                                avatarType: string;
                                avatarUuid: string | null;
                            };
                        }[];
                    };
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listOrganizationMembers: {
        parameters: {
            query?: {
                query?: string;
                cursor?: string;
                per_page?: string;
                expand?: string | string[];
            };
            header?: never;
            path: {
                organization_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        name: string;
                        user: {
                            id: string;
                            name: string;
                            username: string;
                            email: string;
                            avatarUrl: string;
                            isActive: boolean;
                            isSuspended: boolean;
                            hasPasswordAuth: boolean;
                            isManaged: boolean;
                            /** Format: date-time */
                            dateJoined: string;
                            /** Format: date-time */
                            lastLogin: string | null;
                            has2fa: boolean;
                            /** Format: date-time */
                            lastActive: string | null;
                            isSuperuser: boolean;
                            isStaff: boolean;
                            experiments: {
                                [key: string]: unknown;
                            };
                            avatar: {
                                avatarType: string;
                                avatarUuid: string | null;
                                avatarUrl: string | null;
                            };
                            emails?: {
                                id: string;
                                email: string;
                                is_verified: boolean;
                            }[];
                        } | null;
                        orgRole: string;
                        role: string;
                        roleName: string;
                        pending: boolean;
                        expired: boolean;
                        flags: {
                            "idp:provisioned": boolean;
                            "idp:role-restricted": boolean;
                            "sso:linked": boolean;
                            "sso:invalid": boolean;
                            "member-limit:restricted": boolean;
                            "partnership:restricted": boolean;
                        };
                        /** Format: date-time */
                        dateCreated: string;
                        /** Format: date-time */
                        inviteExpiresAt: string | null;
                        inviteStatus: string;
                        inviterName: string | null;
                    }[];
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    addOrganizationMember: {
        parameters: {
            query?: {
                referrer?: string;
            };
            header?: never;
            path: {
                organization_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The address to invite */
                    email: string;
                    /** @enum {string} */
                    orgRole?: "billing" | "member" | "admin" | "manager" | "owner";
                    /** @enum {string} */
                    role?: "billing" | "member" | "admin" | "manager" | "owner";
                    teams?: string[];
                    teamRoles?: {
                        teamSlug: string;
                        role: string | null;
                    }[] | null;
                    sendInvite?: boolean;
                    reinvite?: boolean;
                    regenerate?: boolean;
                    referrer?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        name: string;
                        user: {
                            id: string;
                            name: string;
                            username: string;
                            email: string;
                            avatarUrl: string;
                            isActive: boolean;
                            isSuspended: boolean;
                            hasPasswordAuth: boolean;
                            isManaged: boolean;
                            /** Format: date-time */
                            dateJoined: string;
                            /** Format: date-time */
                            lastLogin: string | null;
                            has2fa: boolean;
                            /** Format: date-time */
                            lastActive: string | null;
                            isSuperuser: boolean;
                            isStaff: boolean;
                            experiments: {
                                [key: string]: unknown;
                            };
                            avatar: {
                                avatarType: string;
                                avatarUuid: string | null;
                                avatarUrl: string | null;
                            };
                            emails?: {
                                id: string;
                                email: string;
                                is_verified: boolean;
                            }[];
                        } | null;
                        orgRole: string;
                        role: string;
                        roleName: string;
                        pending: boolean;
                        expired: boolean;
                        flags: {
                            "idp:provisioned": boolean;
                            "idp:role-restricted": boolean;
                            "sso:linked": boolean;
                            "sso:invalid": boolean;
                            "member-limit:restricted": boolean;
                            "partnership:restricted": boolean;
                        };
                        /** Format: date-time */
                        dateCreated: string;
                        /** Format: date-time */
                        inviteExpiresAt: string | null;
                        inviteStatus: string;
                        inviterName: string | null;
                    };
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description {"detail": "…"}, or {"organization": "…"} when the organization may not invite */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getOrganizationMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
                member_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        name: string;
                        user: ({
                            id: string;
                            name: string;
                            username: string;
                            email: string;
                            avatarUrl: string;
                            isActive: boolean;
                            isSuspended: boolean;
                            hasPasswordAuth: boolean;
                            isManaged: boolean;
                            /** Format: date-time */
                            dateJoined: string;
                            /** Format: date-time */
                            lastLogin: string | null;
                            has2fa: boolean;
                            /** Format: date-time */
                            lastActive: string | null;
                            isSuperuser: boolean;
                            isStaff: boolean;
                            experiments: {
                                [key: string]: unknown;
                            };
                            avatar: {
                                avatarType: string;
                                avatarUuid: string | null;
                                avatarUrl: string | null;
                            };
                            emails: {
                                id: string;
                                email: string;
                                is_verified: boolean;
                            }[];
                            authenticators: {
                                id: string;
                                /** @enum {string} */
                                type: "totp";
                                name: string;
                                /** Format: date-time */
                                dateCreated: string;
                                /** Format: date-time */
                                dateUsed: string | null;
                            }[];
                            canReset2fa: boolean;
                        } | {
                            id: string;
                            name: string;
                            username: string;
                            email: string;
                            avatarUrl: string;
                            isActive: boolean;
                            isSuspended: boolean;
                            hasPasswordAuth: boolean;
                            isManaged: boolean;
                            /** Format: date-time */
                            dateJoined: string;
                            /** Format: date-time */
                            lastLogin: string | null;
                            has2fa: boolean;
                            /** Format: date-time */
                            lastActive: string | null;
                            isSuperuser: boolean;
                            isStaff: boolean;
                            experiments: {
                                [key: string]: unknown;
                            };
                            avatar: {
                                avatarType: string;
                                avatarUuid: string | null;
                                avatarUrl: string | null;
                            };
                            emails?: {
                                id: string;
                                email: string;
                                is_verified: boolean;
                            }[];
                        }) | null;
                        orgRole: string;
                        role: string;
                        roleName: string;
                        pending: boolean;
                        expired: boolean;
                        flags: {
                            "idp:provisioned": boolean;
                            "idp:role-restricted": boolean;
                            "sso:linked": boolean;
                            "sso:invalid": boolean;
                            "member-limit:restricted": boolean;
                            "partnership:restricted": boolean;
                        };
                        /** Format: date-time */
                        dateCreated: string;
                        /** Format: date-time */
                        inviteExpiresAt: string | null;
                        inviteStatus: string;
                        inviterName: string | null;
                        teams: string[];
                        teamRoles: {
                            teamSlug: string;
                            role: string | null;
                        }[];
                        isOnlyOwner: boolean;
                        orgRoleList: {
                            id: string;
                            name: string;
                            desc: string;
                            scopes: string[];
                            allowed: boolean;
                            isAllowed: boolean;
                            isRetired: boolean;
                            isTeamRolesAllowed: boolean;
                            is_global: boolean;
                            isGlobal: boolean;
                            minimumTeamRole: string;
                        }[];
                        roles: {
                            id: string;
                            name: string;
                            desc: string;
                            scopes: string[];
                            allowed: boolean;
                            isAllowed: boolean;
                            isRetired: boolean;
                            isTeamRolesAllowed: boolean;
                            is_global: boolean;
                            isGlobal: boolean;
                            minimumTeamRole: string;
                        }[];
                        teamRoleList: {
                            id: string;
                            name: string;
                            desc: string;
                            scopes: string[];
                            allowed: boolean;
                            isAllowed: boolean;
                            isRetired: boolean;
                            isTeamRolesAllowed: boolean;
                            isMinimumRoleFor: string | null;
                        }[];
                        invite_link: string | null;
                    };
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    updateOrganizationMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
                member_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email?: unknown & (string & unknown);
                    orgRole?: unknown & ("billing" | "member" | "admin" | "manager" | "owner");
                    role?: unknown & ("billing" | "member" | "admin" | "manager" | "owner");
                    teams?: unknown & unknown[];
                    teamRoles?: {
                        teamSlug: unknown;
                        role?: unknown;
                    }[] | null;
                    sendInvite?: unknown & (true | 1 | "1" | "t" | "T" | "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" | false | 0 | "0" | "f" | "F" | "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF");
                    reinvite?: unknown & (true | 1 | "1" | "t" | "T" | "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" | false | 0 | "0" | "f" | "F" | "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF");
                    regenerate?: unknown & (true | 1 | "1" | "t" | "T" | "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" | false | 0 | "0" | "f" | "F" | "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF");
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        name: string;
                        user: ({
                            id: string;
                            name: string;
                            username: string;
                            email: string;
                            avatarUrl: string;
                            isActive: boolean;
                            isSuspended: boolean;
                            hasPasswordAuth: boolean;
                            isManaged: boolean;
                            /** Format: date-time */
                            dateJoined: string;
                            /** Format: date-time */
                            lastLogin: string | null;
                            has2fa: boolean;
                            /** Format: date-time */
                            lastActive: string | null;
                            isSuperuser: boolean;
                            isStaff: boolean;
                            experiments: {
                                [key: string]: unknown;
                            };
                            avatar: {
                                avatarType: string;
                                avatarUuid: string | null;
                                avatarUrl: string | null;
                            };
                            emails: {
                                id: string;
                                email: string;
                                is_verified: boolean;
                            }[];
                            authenticators: {
                                id: string;
                                /** @enum {string} */
                                type: "totp";
                                name: string;
                                /** Format: date-time */
                                dateCreated: string;
                                /** Format: date-time */
                                dateUsed: string | null;
                            }[];
                            canReset2fa: boolean;
                        } | {
                            id: string;
                            name: string;
                            username: string;
                            email: string;
                            avatarUrl: string;
                            isActive: boolean;
                            isSuspended: boolean;
                            hasPasswordAuth: boolean;
                            isManaged: boolean;
                            /** Format: date-time */
                            dateJoined: string;
                            /** Format: date-time */
                            lastLogin: string | null;
                            has2fa: boolean;
                            /** Format: date-time */
                            lastActive: string | null;
                            isSuperuser: boolean;
                            isStaff: boolean;
                            experiments: {
                                [key: string]: unknown;
                            };
                            avatar: {
                                avatarType: string;
                                avatarUuid: string | null;
                                avatarUrl: string | null;
                            };
                            emails?: {
                                id: string;
                                email: string;
                                is_verified: boolean;
                            }[];
                        }) | null;
                        orgRole: string;
                        role: string;
                        roleName: string;
                        pending: boolean;
                        expired: boolean;
                        flags: {
                            "idp:provisioned": boolean;
                            "idp:role-restricted": boolean;
                            "sso:linked": boolean;
                            "sso:invalid": boolean;
                            "member-limit:restricted": boolean;
                            "partnership:restricted": boolean;
                        };
                        /** Format: date-time */
                        dateCreated: string;
                        /** Format: date-time */
                        inviteExpiresAt: string | null;
                        inviteStatus: string;
                        inviterName: string | null;
                        teams: string[];
                        teamRoles: {
                            teamSlug: string;
                            role: string | null;
                        }[];
                        isOnlyOwner: boolean;
                        orgRoleList: {
                            id: string;
                            name: string;
                            desc: string;
                            scopes: string[];
                            allowed: boolean;
                            isAllowed: boolean;
                            isRetired: boolean;
                            isTeamRolesAllowed: boolean;
                            is_global: boolean;
                            isGlobal: boolean;
                            minimumTeamRole: string;
                        }[];
                        roles: {
                            id: string;
                            name: string;
                            desc: string;
                            scopes: string[];
                            allowed: boolean;
                            isAllowed: boolean;
                            isRetired: boolean;
                            isTeamRolesAllowed: boolean;
                            is_global: boolean;
                            isGlobal: boolean;
                            minimumTeamRole: string;
                        }[];
                        teamRoleList: {
                            id: string;
                            name: string;
                            desc: string;
                            scopes: string[];
                            allowed: boolean;
                            isAllowed: boolean;
                            isRetired: boolean;
                            isTeamRolesAllowed: boolean;
                            isMinimumRoleFor: string | null;
                        }[];
                        invite_link: string | null;
                    };
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Sentry's {"detail": "…"}, or {"role": "…"} for a role the requester may not assign */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    deleteOrganizationMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
                member_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getCurrentUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        username: string;
                        email: string;
                        avatarUrl: string;
                        isActive: boolean;
                        isSuspended: boolean;
                        hasPasswordAuth: boolean;
                        isManaged: boolean;
                        /** Format: date-time */
                        dateJoined: string;
                        /** Format: date-time */
                        lastLogin: string | null;
                        has2fa: boolean;
                        /** Format: date-time */
                        lastActive: string | null;
                        isSuperuser: boolean;
                        isStaff: boolean;
                        experiments: {
                            [key: string]: unknown;
                        };
                        avatar: {
                            avatarType: string;
                            avatarUuid: string | null;
                            avatarUrl: string | null;
                        };
                        emails: {
                            id: string;
                            email: string;
                            is_verified: boolean;
                        }[];
                        authenticators: {
                            id: string;
                            /** @enum {string} */
                            type: "totp";
                            name: string;
                            /** Format: date-time */
                            dateCreated: string;
                            /** Format: date-time */
                            dateUsed: string | null;
                        }[];
                    };
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    startTotpEnrolment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        secret: string;
                        qrcodeUri: string;
                    };
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    confirmTotpEnrolment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    secret: string;
                    otp: string;
                };
            };
        };
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    deleteAuthenticator: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                authenticator_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listApiTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string | null;
                        scopes: string[];
                        /** Format: date-time */
                        dateCreated: string;
                        /** Format: date-time */
                        expiresAt: string | null;
                        tokenLastCharacters: string;
                    }[];
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    createApiToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    scopes: ("org:read" | "org:write" | "org:admin" | "org:integrations" | "org:ci" | "member:invite" | "member:read" | "member:write" | "member:admin" | "team:read" | "team:write" | "team:admin" | "project:read" | "project:write" | "project:admin" | "project:releases" | "event:read" | "event:write" | "event:admin" | "alerts:read" | "alerts:write" | "org:billing")[];
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string | null;
                        scopes: string[];
                        /** Format: date-time */
                        dateCreated: string;
                        /** Format: date-time */
                        expiresAt: string | null;
                        tokenLastCharacters: string;
                        token: string;
                    };
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    deleteApiToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    tokenId: string | number;
                };
            };
        };
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listAuditLogEntries: {
        parameters: {
            query?: {
                event?: string;
                actor?: string;
                cursor?: string;
                per_page?: string;
            };
            header?: never;
            path: {
                organization_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rows: {
                            id: string;
                            actor: {
                                id?: string;
                                name: string;
                                username?: string;
                                email?: string;
                                avatarUrl?: string;
                                isActive?: boolean;
                                isSuspended?: boolean;
                                hasPasswordAuth?: boolean;
                                isManaged?: boolean;
                                /** Format: date-time */
                                dateJoined?: string;
                                /** Format: date-time */
                                lastLogin?: string | null;
                                has2fa?: boolean;
                                /** Format: date-time */
                                lastActive?: string | null;
                                isSuperuser?: boolean;
                                isStaff?: boolean;
                                experiments?: {
                                    [key: string]: unknown;
                                };
                                avatar?: {
                                    avatarType: string;
                                    avatarUuid: string | null;
                                    avatarUrl: string | null;
                                };
                                emails?: {
                                    id: string;
                                    email: string;
                                    is_verified: boolean;
                                }[];
                            } | null;
                            event: string;
                            ipAddress: string | null;
                            note: string;
                            targetObject: number | null;
                            targetUser: {
                                id: string;
                                name: string;
                                username: string;
                                email: string;
                                avatarUrl: string;
                                isActive: boolean;
                                isSuspended: boolean;
                                hasPasswordAuth: boolean;
                                isManaged: boolean;
                                /** Format: date-time */
                                dateJoined: string;
                                /** Format: date-time */
                                lastLogin: string | null;
                                has2fa: boolean;
                                /** Format: date-time */
                                lastActive: string | null;
                                isSuperuser: boolean;
                                isStaff: boolean;
                                experiments: {
                                    [key: string]: unknown;
                                };
                                avatar: {
                                    avatarType: string;
                                    avatarUuid: string | null;
                                    avatarUrl: string | null;
                                };
                                emails?: {
                                    id: string;
                                    email: string;
                                    is_verified: boolean;
                                }[];
                            } | null;
                            data: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            dateCreated: string;
                        }[];
                        options: string[];
                    };
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getAcceptInvite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
                member_id: string;
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        orgSlug: string;
                        orgName: string;
                        orgRole: string;
                        roleName: string;
                        needsAuthentication: boolean;
                        needsSso: boolean;
                        hasAuthProvider: boolean;
                        requireSso: boolean;
                        existingMember: boolean;
                        needs2fa: boolean;
                        needsEmailVerification: boolean;
                        ssoProvider?: string;
                    };
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    acceptInvite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
                member_id: string;
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getAcceptInviteShort: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                member_id: string;
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        orgSlug: string;
                        orgName: string;
                        orgRole: string;
                        roleName: string;
                        needsAuthentication: boolean;
                        needsSso: boolean;
                        hasAuthProvider: boolean;
                        requireSso: boolean;
                        existingMember: boolean;
                        needs2fa: boolean;
                        needsEmailVerification: boolean;
                        ssoProvider?: string;
                    };
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    acceptInviteShort: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                member_id: string;
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    requestEmailConfirmation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email?: string;
                };
            };
        };
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    confirmEmail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listOrganizationTeams: {
        parameters: {
            query?: {
                team?: string[];
                query?: string;
                detailed?: string;
                cursor?: string;
                per_page?: string;
            };
            header?: never;
            path: {
                organization_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        slug: string;
                        name: string;
                        /** Format: date-time */
                        dateCreated: string;
                        isMember: boolean;
                        teamRole: string | null;
                        flags: {
                            "idp:provisioned": boolean;
                        };
                        access: string[];
                        hasAccess: boolean;
                        isPending: boolean;
                        memberCount: number;
                        avatar: {
                            avatarType: string;
                            avatarUuid: string | null;
                        };
                    }[];
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    createOrganizationTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    slug?: ((string & unknown) | null) & unknown;
                    name?: ((string & unknown) | null) & unknown;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        slug: string;
                        name: string;
                        /** Format: date-time */
                        dateCreated: string;
                        isMember: boolean;
                        teamRole: string | null;
                        flags: {
                            "idp:provisioned": boolean;
                        };
                        access: string[];
                        hasAccess: boolean;
                        isPending: boolean;
                        memberCount: number;
                        avatar: {
                            avatarType: string;
                            avatarUuid: string | null;
                        };
                    };
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description A team with this slug already exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    listOrganizationUserTeams: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        slug: string;
                        name: string;
                        /** Format: date-time */
                        dateCreated: string;
                        isMember: boolean;
                        teamRole: string | null;
                        flags: {
                            "idp:provisioned": boolean;
                        };
                        access: string[];
                        hasAccess: boolean;
                        isPending: boolean;
                        memberCount: number;
                        avatar: {
                            avatarType: string;
                            avatarUuid: string | null;
                        };
                    }[];
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getTeam: {
        parameters: {
            query?: {
                expand?: string[];
                collapse?: string[];
            };
            header?: never;
            path: {
                organization_id_or_slug: string;
                team_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        slug: string;
                        name: string;
                        /** Format: date-time */
                        dateCreated: string;
                        isMember: boolean;
                        teamRole: string | null;
                        flags: {
                            "idp:provisioned": boolean;
                        };
                        access: string[];
                        hasAccess: boolean;
                        isPending: boolean;
                        memberCount: number;
                        avatar: {
                            avatarType: string;
                            avatarUuid: string | null;
                        };
                        organization?: {
                            id: string;
                            slug: string;
                            status: {
                                id: string;
                                name: string;
                            };
                            name: string;
                            /** Format: date-time */
                            dateCreated: string;
                            isEarlyAdopter: boolean;
                            require2FA: boolean;
                            requireEmailVerification: boolean;
                            avatar: {
                                avatarType: string;
                                avatarUuid: string | null;
                                avatarUrl: string | null;
                            };
                            allowMemberInvite: boolean;
                            allowMemberProjectCreation: boolean;
                            allowSuperuserAccess: boolean;
                            links: {
                                organizationUrl: string;
                                regionUrl: string;
                            };
                            hasAuthProvider: boolean;
                            features: string[];
                        };
                    };
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    updateTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
                team_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    slug?: string & unknown;
                    name?: string & unknown;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        slug: string;
                        name: string;
                        /** Format: date-time */
                        dateCreated: string;
                        isMember: boolean;
                        teamRole: string | null;
                        flags: {
                            "idp:provisioned": boolean;
                        };
                        access: string[];
                        hasAccess: boolean;
                        isPending: boolean;
                        memberCount: number;
                        avatar: {
                            avatarType: string;
                            avatarUuid: string | null;
                        };
                    };
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    deleteTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
                team_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listTeamMembers: {
        parameters: {
            query?: {
                cursor?: string;
                per_page?: string;
            };
            header?: never;
            path: {
                organization_id_or_slug: string;
                team_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        name: string;
                        user: {
                            id: string;
                            name: string;
                            username: string;
                            email: string;
                            avatarUrl: string;
                            isActive: boolean;
                            isSuspended: boolean;
                            hasPasswordAuth: boolean;
                            isManaged: boolean;
                            /** Format: date-time */
                            dateJoined: string;
                            /** Format: date-time */
                            lastLogin: string | null;
                            has2fa: boolean;
                            /** Format: date-time */
                            lastActive: string | null;
                            isSuperuser: boolean;
                            isStaff: boolean;
                            experiments: {
                                [key: string]: unknown;
                            };
                            avatar: {
                                avatarType: string;
                                avatarUuid: string | null;
                                avatarUrl: string | null;
                            };
                            emails?: {
                                id: string;
                                email: string;
                                is_verified: boolean;
                            }[];
                        } | null;
                        orgRole: string;
                        role: string;
                        roleName: string;
                        pending: boolean;
                        expired: boolean;
                        flags: {
                            "idp:provisioned": boolean;
                            "idp:role-restricted": boolean;
                            "sso:linked": boolean;
                            "sso:invalid": boolean;
                            "member-limit:restricted": boolean;
                            "partnership:restricted": boolean;
                        };
                        /** Format: date-time */
                        dateCreated: string;
                        /** Format: date-time */
                        inviteExpiresAt: string | null;
                        inviteStatus: string;
                        inviterName: string | null;
                        teamRole: string | null;
                        teamSlug: string;
                    }[];
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getOrganizationMemberTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
                member_id: string;
                team_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        isActive: boolean;
                        teamRole: string | null;
                    };
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    updateOrganizationMemberTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
                member_id: string;
                team_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    teamRole?: "contributor" | "admin";
                    isActive?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        isActive: boolean;
                        teamRole: string | null;
                    };
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    addOrganizationMemberTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
                member_id: string;
                team_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        slug: string;
                        name: string;
                        /** Format: date-time */
                        dateCreated: string;
                        isMember: boolean;
                        teamRole: string | null;
                        flags: {
                            "idp:provisioned": boolean;
                        };
                        access: string[];
                        hasAccess: boolean;
                        isPending: boolean;
                        memberCount: number;
                        avatar: {
                            avatarType: string;
                            avatarUuid: string | null;
                        };
                    };
                };
            };
            /** @description No content */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    deleteOrganizationMemberTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
                member_id: string;
                team_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        slug: string;
                        name: string;
                        /** Format: date-time */
                        dateCreated: string;
                        isMember: boolean;
                        teamRole: string | null;
                        flags: {
                            "idp:provisioned": boolean;
                        };
                        access: string[];
                        hasAccess: boolean;
                        isPending: boolean;
                        memberCount: number;
                        avatar: {
                            avatarType: string;
                            avatarUuid: string | null;
                        };
                    };
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listOrganizationAccessRequests: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        team: {
                            id: string;
                            slug: string;
                            name: string;
                            /** Format: date-time */
                            dateCreated: string;
                            isMember: boolean;
                            teamRole: string | null;
                            flags: {
                                "idp:provisioned": boolean;
                            };
                            access: string[];
                            hasAccess: boolean;
                            isPending: boolean;
                            memberCount: number;
                            avatar: {
                                avatarType: string;
                                avatarUuid: string | null;
                            };
                        };
                        member: {
                            id: string;
                            email: string;
                            name: string;
                            user: {
                                id: string;
                                name: string;
                                username: string;
                                email: string;
                                avatarUrl: string;
                                isActive: boolean;
                                isSuspended: boolean;
                                hasPasswordAuth: boolean;
                                isManaged: boolean;
                                /** Format: date-time */
                                dateJoined: string;
                                /** Format: date-time */
                                lastLogin: string | null;
                                has2fa: boolean;
                                /** Format: date-time */
                                lastActive: string | null;
                                isSuperuser: boolean;
                                isStaff: boolean;
                                experiments: {
                                    [key: string]: unknown;
                                };
                                avatar: {
                                    avatarType: string;
                                    avatarUuid: string | null;
                                    avatarUrl: string | null;
                                };
                                emails?: {
                                    id: string;
                                    email: string;
                                    is_verified: boolean;
                                }[];
                            } | null;
                            orgRole: string;
                            role: string;
                            roleName: string;
                            pending: boolean;
                            expired: boolean;
                            flags: {
                                "idp:provisioned": boolean;
                                "idp:role-restricted": boolean;
                                "sso:linked": boolean;
                                "sso:invalid": boolean;
                                "member-limit:restricted": boolean;
                                "partnership:restricted": boolean;
                            };
                            /** Format: date-time */
                            dateCreated: string;
                            /** Format: date-time */
                            inviteExpiresAt: string | null;
                            inviteStatus: string;
                            inviterName: string | null;
                        };
                        requester: {
                            id: string;
                            name: string;
                            username: string;
                            email: string;
                            avatarUrl: string;
                            isActive: boolean;
                            isSuspended: boolean;
                            hasPasswordAuth: boolean;
                            isManaged: boolean;
                            /** Format: date-time */
                            dateJoined: string;
                            /** Format: date-time */
                            lastLogin: string | null;
                            has2fa: boolean;
                            /** Format: date-time */
                            lastActive: string | null;
                            isSuperuser: boolean;
                            isStaff: boolean;
                            experiments: {
                                [key: string]: unknown;
                            };
                            avatar: {
                                avatarType: string;
                                avatarUuid: string | null;
                                avatarUrl: string | null;
                            };
                            emails?: {
                                id: string;
                                email: string;
                                is_verified: boolean;
                            }[];
                        } | null;
                    }[];
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    updateOrganizationAccessRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
                request_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    isApproved: boolean;
                };
            };
        };
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    requestSigninLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The account has 2FA: the session waits for a TOTP code (POST /api/0/auth/2fa/) */
                        needs2fa: boolean;
                    };
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    signInSecondFactor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    otp: string;
                };
            };
        };
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    whoAmI: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        name: string;
                        isSuperuser: boolean;
                        emailVerified: boolean;
                        has2fa: boolean;
                        /** @description The session still waits for its TOTP code */
                        needs2fa: boolean;
                        /** @description Send it as X-CSRFToken with every state-changing request */
                        csrfToken: string;
                    };
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getAuthProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A numeric id, serialized as a string */
                        id: string;
                        provider_name: string;
                        pending_links_count: number;
                        login_url: string;
                        default_role: string;
                        require_link: boolean;
                        scim_enabled: boolean;
                        /** @description The organization's SCIM base URL, while SCIM is on */
                        scim_url?: string;
                        /** @description The SCIM bearer token: only in the answer that turned SCIM on */
                        scim_api_token?: string;
                        provider: string;
                        config: {
                            issuer?: string;
                            client_id?: string;
                            client_secret_set?: boolean;
                            idp_entity_id?: string;
                            idp_sso_url?: string;
                        };
                        service_provider: {
                            /** @description OIDC: the redirect URI to register at the identity provider */
                            redirect_uri?: string;
                            /** @description SAML: the Assertion Consumer Service URL */
                            acs_url?: string;
                            /** @description SAML: Roster's entity id (audience) */
                            entity_id?: string;
                            /** @description SAML: Roster's service-provider metadata */
                            metadata_url?: string;
                        };
                    };
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    updateAuthProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    config?: {
                        /** @description OIDC: the issuer URL (discovery at /.well-known/openid-configuration) */
                        issuer?: string;
                        client_id?: string;
                        /** @description Kept encrypted, never returned */
                        client_secret?: string;
                        /** @description SAML: the identity provider's metadata XML */
                        idp_metadata_xml?: string;
                        idp_entity_id?: string;
                        idp_sso_url?: string;
                        /** @description SAML: the signing certificate, PEM or base64 DER */
                        idp_x509cert?: string;
                    };
                    require_link?: boolean;
                    default_role?: "member" | "admin" | "manager" | "owner";
                    /** @description SCIM provisioning: turning it on answers once with scim_api_token; turning it off revokes the token and releases every member and team the identity provider manages */
                    scim_enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A numeric id, serialized as a string */
                        id: string;
                        provider_name: string;
                        pending_links_count: number;
                        login_url: string;
                        default_role: string;
                        require_link: boolean;
                        scim_enabled: boolean;
                        /** @description The organization's SCIM base URL, while SCIM is on */
                        scim_url?: string;
                        /** @description The SCIM bearer token: only in the answer that turned SCIM on */
                        scim_api_token?: string;
                        provider: string;
                        config: {
                            issuer?: string;
                            client_id?: string;
                            client_secret_set?: boolean;
                            idp_entity_id?: string;
                            idp_sso_url?: string;
                        };
                        service_provider: {
                            /** @description OIDC: the redirect URI to register at the identity provider */
                            redirect_uri?: string;
                            /** @description SAML: the Assertion Consumer Service URL */
                            acs_url?: string;
                            /** @description SAML: Roster's entity id (audience) */
                            entity_id?: string;
                            /** @description SAML: Roster's service-provider metadata */
                            metadata_url?: string;
                        };
                    };
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    createAuthProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    provider: "oidc" | "saml2";
                    config: {
                        /** @description OIDC: the issuer URL (discovery at /.well-known/openid-configuration) */
                        issuer?: string;
                        client_id?: string;
                        /** @description Kept encrypted, never returned */
                        client_secret?: string;
                        /** @description SAML: the identity provider's metadata XML */
                        idp_metadata_xml?: string;
                        idp_entity_id?: string;
                        idp_sso_url?: string;
                        /** @description SAML: the signing certificate, PEM or base64 DER */
                        idp_x509cert?: string;
                    };
                    /** @description Require SSO (default true) */
                    require_link?: boolean;
                    default_role?: "member" | "admin" | "manager" | "owner";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A numeric id, serialized as a string */
                        id: string;
                        provider_name: string;
                        pending_links_count: number;
                        login_url: string;
                        default_role: string;
                        require_link: boolean;
                        scim_enabled: boolean;
                        /** @description The organization's SCIM base URL, while SCIM is on */
                        scim_url?: string;
                        /** @description The SCIM bearer token: only in the answer that turned SCIM on */
                        scim_api_token?: string;
                        provider: string;
                        config: {
                            issuer?: string;
                            client_id?: string;
                            client_secret_set?: boolean;
                            idp_entity_id?: string;
                            idp_sso_url?: string;
                        };
                        service_provider: {
                            /** @description OIDC: the redirect URI to register at the identity provider */
                            redirect_uri?: string;
                            /** @description SAML: the Assertion Consumer Service URL */
                            acs_url?: string;
                            /** @description SAML: Roster's entity id (audience) */
                            entity_id?: string;
                            /** @description SAML: Roster's service-provider metadata */
                            metadata_url?: string;
                        };
                    };
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    deleteAuthProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    sendAuthProviderReminders: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    rotateScimToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The new bearer token; the previous one keeps working for 24 hours */
                        scim_api_token: string;
                        scim_url: string;
                    };
                };
            };
            /** @description Validation error: {"field": ["message"]}, {"detail": "…"} or ["message"] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: unknown;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getScimServiceProviderConfig: {
        parameters: {
            query?: {
                filter?: string;
            };
            header?: never;
            path: {
                organization_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listScimResourceTypes: {
        parameters: {
            query?: {
                filter?: string;
            };
            header?: never;
            path: {
                organization_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getScimResourceType: {
        parameters: {
            query?: {
                filter?: string;
            };
            header?: never;
            path: {
                organization_id_or_slug: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listScimSchemas: {
        parameters: {
            query?: {
                filter?: string;
            };
            header?: never;
            path: {
                organization_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getScimSchema: {
        parameters: {
            query?: {
                filter?: string;
            };
            header?: never;
            path: {
                organization_id_or_slug: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listScimUsers: {
        parameters: {
            query?: {
                filter?: string;
                startIndex?: number;
                count?: number;
                attributes?: string;
                excludedAttributes?: string;
            };
            header?: never;
            path: {
                organization_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas: string[];
                        totalResults: number;
                        startIndex: number;
                        itemsPerPage: number;
                        Resources: {
                            schemas: string[];
                            id: string;
                            userName: string;
                            name?: {
                                givenName?: string;
                                familyName?: string;
                                formatted?: string;
                            };
                            displayName?: string;
                            externalId?: string;
                            emails?: {
                                value: string;
                                type?: string;
                                primary?: boolean;
                            }[];
                            active?: boolean;
                            sentryOrgRole?: string;
                            meta: {
                                resourceType: string;
                                location: string;
                            };
                        }[];
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas?: string[];
                        status?: string;
                        scimType?: string;
                        detail?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas?: string[];
                        status?: string;
                        scimType?: string;
                        detail?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas?: string[];
                        status?: string;
                        scimType?: string;
                        detail?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas?: string[];
                        status?: string;
                        scimType?: string;
                        detail?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    provisionScimUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
            };
            cookie?: never;
        };
        /** @description A SCIM User (RFC 7643 §4.1) with `sentryOrgRole` */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null)[] | {
                        [key: string]: string | number | boolean | null;
                    })[] | {
                        [key: string]: string | number | boolean | null | (string | number | boolean | null)[] | {
                            [key: string]: string | number | boolean | null;
                        };
                    })[] | {
                        [key: string]: string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null)[] | {
                            [key: string]: string | number | boolean | null;
                        })[] | {
                            [key: string]: string | number | boolean | null | (string | number | boolean | null)[] | {
                                [key: string]: string | number | boolean | null;
                            };
                        };
                    })[] | {
                        [key: string]: string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null)[] | {
                            [key: string]: string | number | boolean | null;
                        })[] | {
                            [key: string]: string | number | boolean | null | (string | number | boolean | null)[] | {
                                [key: string]: string | number | boolean | null;
                            };
                        })[] | {
                            [key: string]: string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null)[] | {
                                [key: string]: string | number | boolean | null;
                            })[] | {
                                [key: string]: string | number | boolean | null | (string | number | boolean | null)[] | {
                                    [key: string]: string | number | boolean | null;
                                };
                            };
                        };
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas: string[];
                        id: string;
                        userName: string;
                        name?: {
                            givenName?: string;
                            familyName?: string;
                            formatted?: string;
                        };
                        displayName?: string;
                        externalId?: string;
                        emails?: {
                            value: string;
                            type?: string;
                            primary?: boolean;
                        }[];
                        active?: boolean;
                        sentryOrgRole?: string;
                        meta: {
                            resourceType: string;
                            location: string;
                        };
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas?: string[];
                        status?: string;
                        scimType?: string;
                        detail?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas?: string[];
                        status?: string;
                        scimType?: string;
                        detail?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas?: string[];
                        status?: string;
                        scimType?: string;
                        detail?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas?: string[];
                        status?: string;
                        scimType?: string;
                        detail?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas?: string[];
                        status?: string;
                        scimType?: string;
                        detail?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getScimUser: {
        parameters: {
            query?: {
                attributes?: string;
                excludedAttributes?: string;
            };
            header?: never;
            path: {
                organization_id_or_slug: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas: string[];
                        id: string;
                        userName: string;
                        name?: {
                            givenName?: string;
                            familyName?: string;
                            formatted?: string;
                        };
                        displayName?: string;
                        externalId?: string;
                        emails?: {
                            value: string;
                            type?: string;
                            primary?: boolean;
                        }[];
                        active?: boolean;
                        sentryOrgRole?: string;
                        meta: {
                            resourceType: string;
                            location: string;
                        };
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas?: string[];
                        status?: string;
                        scimType?: string;
                        detail?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas?: string[];
                        status?: string;
                        scimType?: string;
                        detail?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas?: string[];
                        status?: string;
                        scimType?: string;
                        detail?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas?: string[];
                        status?: string;
                        scimType?: string;
                        detail?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    replaceScimUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
                id: string;
            };
            cookie?: never;
        };
        /** @description A SCIM User (RFC 7643 §4.1) with `sentryOrgRole` */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null)[] | {
                        [key: string]: string | number | boolean | null;
                    })[] | {
                        [key: string]: string | number | boolean | null | (string | number | boolean | null)[] | {
                            [key: string]: string | number | boolean | null;
                        };
                    })[] | {
                        [key: string]: string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null)[] | {
                            [key: string]: string | number | boolean | null;
                        })[] | {
                            [key: string]: string | number | boolean | null | (string | number | boolean | null)[] | {
                                [key: string]: string | number | boolean | null;
                            };
                        };
                    })[] | {
                        [key: string]: string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null)[] | {
                            [key: string]: string | number | boolean | null;
                        })[] | {
                            [key: string]: string | number | boolean | null | (string | number | boolean | null)[] | {
                                [key: string]: string | number | boolean | null;
                            };
                        })[] | {
                            [key: string]: string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null)[] | {
                                [key: string]: string | number | boolean | null;
                            })[] | {
                                [key: string]: string | number | boolean | null | (string | number | boolean | null)[] | {
                                    [key: string]: string | number | boolean | null;
                                };
                            };
                        };
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas: string[];
                        id: string;
                        userName: string;
                        name?: {
                            givenName?: string;
                            familyName?: string;
                            formatted?: string;
                        };
                        displayName?: string;
                        externalId?: string;
                        emails?: {
                            value: string;
                            type?: string;
                            primary?: boolean;
                        }[];
                        active?: boolean;
                        sentryOrgRole?: string;
                        meta: {
                            resourceType: string;
                            location: string;
                        };
                    };
                };
            };
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas?: string[];
                        status?: string;
                        scimType?: string;
                        detail?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas?: string[];
                        status?: string;
                        scimType?: string;
                        detail?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas?: string[];
                        status?: string;
                        scimType?: string;
                        detail?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas?: string[];
                        status?: string;
                        scimType?: string;
                        detail?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas?: string[];
                        status?: string;
                        scimType?: string;
                        detail?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    deprovisionScimUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas?: string[];
                        status?: string;
                        scimType?: string;
                        detail?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas?: string[];
                        status?: string;
                        scimType?: string;
                        detail?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas?: string[];
                        status?: string;
                        scimType?: string;
                        detail?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas?: string[];
                        status?: string;
                        scimType?: string;
                        detail?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    patchScimUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
                id: string;
            };
            cookie?: never;
        };
        /** @description A SCIM PatchOp: `{schemas, Operations: [{op, path?, value?}]}` */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null)[] | {
                        [key: string]: string | number | boolean | null;
                    })[] | {
                        [key: string]: string | number | boolean | null | (string | number | boolean | null)[] | {
                            [key: string]: string | number | boolean | null;
                        };
                    })[] | {
                        [key: string]: string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null)[] | {
                            [key: string]: string | number | boolean | null;
                        })[] | {
                            [key: string]: string | number | boolean | null | (string | number | boolean | null)[] | {
                                [key: string]: string | number | boolean | null;
                            };
                        };
                    })[] | {
                        [key: string]: string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null)[] | {
                            [key: string]: string | number | boolean | null;
                        })[] | {
                            [key: string]: string | number | boolean | null | (string | number | boolean | null)[] | {
                                [key: string]: string | number | boolean | null;
                            };
                        })[] | {
                            [key: string]: string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null)[] | {
                                [key: string]: string | number | boolean | null;
                            })[] | {
                                [key: string]: string | number | boolean | null | (string | number | boolean | null)[] | {
                                    [key: string]: string | number | boolean | null;
                                };
                            };
                        };
                    })[] | {
                        [key: string]: string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null)[] | {
                            [key: string]: string | number | boolean | null;
                        })[] | {
                            [key: string]: string | number | boolean | null | (string | number | boolean | null)[] | {
                                [key: string]: string | number | boolean | null;
                            };
                        })[] | {
                            [key: string]: string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null)[] | {
                                [key: string]: string | number | boolean | null;
                            })[] | {
                                [key: string]: string | number | boolean | null | (string | number | boolean | null)[] | {
                                    [key: string]: string | number | boolean | null;
                                };
                            };
                        })[] | {
                            [key: string]: string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null)[] | {
                                [key: string]: string | number | boolean | null;
                            })[] | {
                                [key: string]: string | number | boolean | null | (string | number | boolean | null)[] | {
                                    [key: string]: string | number | boolean | null;
                                };
                            })[] | {
                                [key: string]: string | number | boolean | null | (string | number | boolean | null | (string | number | boolean | null)[] | {
                                    [key: string]: string | number | boolean | null;
                                })[] | {
                                    [key: string]: string | number | boolean | null | (string | number | boolean | null)[] | {
                                        [key: string]: string | number | boolean | null;
                                    };
                                };
                            };
                        };
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas: string[];
                        id: string;
                        userName: string;
                        name?: {
                            givenName?: string;
                            familyName?: string;
                            formatted?: string;
                        };
                        displayName?: string;
                        externalId?: string;
                        emails?: {
                            value: string;
                            type?: string;
                            primary?: boolean;
                        }[];
                        active?: boolean;
                        sentryOrgRole?: string;
                        meta: {
                            resourceType: string;
                            location: string;
                        };
                    };
                };
            };
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas?: string[];
                        status?: string;
                        scimType?: string;
                        detail?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas?: string[];
                        status?: string;
                        scimType?: string;
                        detail?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas?: string[];
                        status?: string;
                        scimType?: string;
                        detail?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas?: string[];
                        status?: string;
                        scimType?: string;
                        detail?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas?: string[];
                        status?: string;
                        scimType?: string;
                        detail?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listScimGroups: {
        parameters: {
            query?: {
                filter?: string;
                startIndex?: number;
                count?: number;
                attributes?: string;
                excludedAttributes?: string;
            };
            header?: never;
            path: {
                organization_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas: string[];
                        totalResults: number;
                        startIndex: number;
                        itemsPerPage: number;
                        Resources: {
                            schemas: string[];
                            id: string;
                            displayName?: string;
                            externalId?: string;
                            members?: {
                                value?: string;
                                display?: string;
                            }[];
                            meta: {
                                resourceType: string;
                                location?: string;
                            };
                        }[];
                    };
                };
            };
        };
    };
    createScimGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    schemas?: unknown;
                    displayName?: unknown;
                    externalId?: unknown;
                    members?: unknown[];
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas: string[];
                        id: string;
                        displayName?: string;
                        externalId?: string;
                        members?: {
                            value?: string;
                            display?: string;
                        }[];
                        meta: {
                            resourceType: string;
                            location?: string;
                        };
                    };
                };
            };
        };
    };
    getScimGroup: {
        parameters: {
            query?: {
                attributes?: string;
                excludedAttributes?: string;
            };
            header?: never;
            path: {
                organization_id_or_slug: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemas: string[];
                        id: string;
                        displayName?: string;
                        externalId?: string;
                        members?: {
                            value?: string;
                            display?: string;
                        }[];
                        meta: {
                            resourceType: string;
                            location?: string;
                        };
                    };
                };
            };
        };
    };
    deleteScimGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    patchScimGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organization_id_or_slug: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    schemas?: unknown;
                    Operations?: ({
                        op?: unknown;
                        path?: unknown;
                        value?: unknown;
                    } & {
                        [key: string]: unknown;
                    })[];
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
