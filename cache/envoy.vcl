vcl 4.1;
#
# Envoy's shared cache: Varnish in front of `next start` (scripts/start-cached.ts renders the
# {{…}} values and starts varnishd on this file; see README, "How production runs").
#
# - Readers are served from the cache. Each page arrives from the portal with its cache tags as
#   surrogate keys (`Surrogate-Key`: the route's, lib/revalidation/surrogateKeys.ts, and the sync
#   tags of what it read, lib/cache/isrCacheHandler.mjs); a change purges exactly those keys here
#   (one PURGE per batch from app/api/revalidate/live, or app/api/revalidate for a publish
#   webhook), just after Next expires the same tags, so the next reader gets the new page.
# - Preview (staff and share links), the API routes and anything with a staff cookie never touch
#   the cache: they are passed straight to the portal and their answers are not stored.
# - Compression happens here, once per object: the portal sends plain bytes, Varnish stores them
#   gzipped and unzips only for the rare client that does not take gzip.

import std;
import xkey;

backend portal {
    .host = "{{BACKEND_HOST}}";
    .port = "{{BACKEND_PORT}}";
    # Under load the portal's Node process can be too busy to accept a new connection for a few
    # seconds (pages that pass, such as search, each need one); the kernel holds the connection
    # meanwhile. Giving up after 2 s answered readers 503 (bench:load).
    .connect_timeout = 10s;
    # A page rendered on a loaded machine can take seconds, and pause between the chunks it
    # streams; every reader waiting for that page waits on this one fetch, and a fetch given up
    # early would answer all of them with an error.
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 60s;
}

# Only the portal on the same machine may purge, and only with the shared secret.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers || req.http.X-Envoy-Purge-Secret != "{{PURGE_SECRET}}") {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.X-Envoy-Purge-Keys) {
            return (synth(400, "X-Envoy-Purge-Keys names the surrogate keys to purge"));
        }
        # A soft purge: each page of these keys becomes stale now but stays in grace (set in
        # vcl_backend_response, counted from this moment), so the next reader gets the previous
        # page at once and starts its one new render in the background; readers arriving while
        # that render runs get the previous page too, and every reader after it the new one.
        #
        # Why not a hard purge (xkey.purge), which never serves a corrected figure again: it
        # leaves nothing to serve meanwhile. Every reader of a purged page then waits on its one
        # render, and on a busy portal that render took over 30 s (bench:load: 61 readers of
        # 7,059 timed out, each waiting for a purged page). An answer that is one render old is
        # better than no answer; a press office does not tell readers to try again later.
        # The price, bounded: the previous page is served only until its new render is stored,
        # and never later than the grace after the publish, even to a reader who arrives after
        # a quiet spell (docs/performance.md, "Caching").
        set req.http.X-Envoy-Purged = xkey.softpurge(req.http.X-Envoy-Purge-Keys);
        return (synth(200, "Purged " + req.http.X-Envoy-Purged));
    }
    # Nobody outside may send the purge headers on to the portal or into a log.
    unset req.http.X-Envoy-Purge-Secret;
    unset req.http.X-Envoy-Purge-Keys;

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The API (publish webhooks, draft mode, share API) and share links are per request.
    if (req.url ~ "^/(api|share)(/|\?|$)") {
        return (pass);
    }
    # Staff and share-link reviewers: Next's draft-mode cookies, Envoy's signed preview cookies
    # (lib/preview/signedCookie.ts) and the Presentation tool's perspective cookie.
    if (req.http.Cookie ~ "(^|;\s*)(__prerender_bypass|__next_preview_data|envoy-preview|envoy-share|sanity-preview-perspective)=") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # Public pages read no cookie: without this, any stray cookie (a browser extension's, an
    # analytics snippet's) would make every request miss.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_fetch {
    # The cache compresses (vcl_backend_response); the portal is asked for plain bytes.
    unset bereq.http.Accept-Encoding;
}

sub vcl_backend_response {
    # A failed background render (after a purge, or at the end of a page's TTL) must not replace
    # the page readers are being served while it runs: they keep the previous page until its
    # grace ends, and only then meet the portal's error.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    # The keys go to xkey; a CDN would read the same header (README, "How production runs").
    # Besides the route's own keys, an answer Next cached names the sync tags of what it read
    # (X-Envoy-Sync-Keys, lib/cache/isrCacheHandler.mjs), which live events purge.
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
        unset beresp.http.Surrogate-Key;
    }
    if (beresp.http.X-Envoy-Sync-Keys) {
        if (beresp.http.xkey) {
            set beresp.http.xkey = beresp.http.xkey + " " + beresp.http.X-Envoy-Sync-Keys;
        } else {
            set beresp.http.xkey = beresp.http.X-Envoy-Sync-Keys;
        }
        unset beresp.http.X-Envoy-Sync-Keys;
    }
    if (beresp.http.Content-Type ~ "^(text/|application/(json|xml|rss\+xml|atom\+xml|javascript|manifest\+json)|image/svg\+xml)") {
        set beresp.do_gzip = true;
    }
    # A response that sets a cookie belongs to one browser; one that says private/no-store (a
    # dynamic page, draft mode) must not be kept either. Marked uncacheable for two minutes, so
    # requests for it go straight to the portal instead of queueing behind one another.
    if (beresp.http.Set-Cookie) {
        call envoy_uncacheable;
        return (deliver);
    }
    # ...unless the portal tells this cache, and only it, how long it may keep the page
    # (`Surrogate-Control: max-age`, lib/revalidation/surrogateKeys.ts: search results, which
    # browsers must not keep but every reader of one query may share). Honoured only with
    # surrogate keys, so that a publish still purges it, and never for longer than a minute.
    # An error page is never kept on its say-so: it passes, as errors did before.
    if (beresp.status < 500 && beresp.http.Surrogate-Control ~ "(^|,)\s*max-age=[0-9]{1,6}\s*(,|$)" && beresp.http.xkey) {
        set beresp.ttl = std.duration(regsub(beresp.http.Surrogate-Control, "^(.*,)?\s*max-age=([0-9]+).*$", "\2s"), 0s);
        if (beresp.ttl > 60s) {
            set beresp.ttl = 60s;
        }
    } elsif (beresp.http.Cache-Control ~ "(?i)(private|no-store)") {
        call envoy_uncacheable;
        return (deliver);
    } elsif (beresp.ttl <= 0s || beresp.http.Cache-Control ~ "(?i)no-cache") {
        # `no-cache` / `max-age=0` (calendars, the sitemap) tell browsers and calendar apps to ask
        # again every time. A response that names its surrogate keys is purged here the moment
        # its content changes, so the cache may keep it for the portal's ISR interval meanwhile;
        # a response without keys could not be purged and is not kept.
        if (!beresp.http.xkey) {
            call envoy_uncacheable;
            return (deliver);
        }
        set beresp.ttl = 60s;
    }
    unset beresp.http.Surrogate-Control;
    # Grace: how long after it went stale (its TTL ran out, or a publish purged it) a page may
    # still be served while its new render runs in the background. Next sends
    # `stale-while-revalidate` of about a year, which Varnish would take as grace: a corrected
    # figure could then be served for a year to whoever first asks after a quiet spell. Ten
    # seconds is far longer than a render on a healthy portal (~0.1-0.5 s), so readers never
    # wait on one, and short enough that a page purged by a correction is never handed out
    # more than ten seconds after it (the reader after that waits for the new render instead).
    if (beresp.status >= 400) {
        # A junk URL's 404 lives no longer than ten seconds and is never served stale; nor is a
        # 404 that a publish purged (a new trip's address asked for too early).
        if (beresp.ttl > 10s) {
            set beresp.ttl = 10s;
        }
        set beresp.grace = 0s;
    } else {
        set beresp.grace = 10s;
    }
    set beresp.keep = 0s;
    return (deliver);
}

sub vcl_backend_error {
    # The portal could not be reached for a background render: readers keep the previous page
    # (within its grace) rather than the cache's error page replacing it.
    if (bereq.is_bgfetch) {
        return (abandon);
    }
}

sub envoy_uncacheable {
    set beresp.uncacheable = true;
    set beresp.ttl = 120s;
    set beresp.grace = 0s;
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.ttl <= 0s) {
        # The previous page, served while its new render runs (a purge or the end of its TTL).
        set resp.http.X-Cache = "STALE";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.xkey;
    unset resp.http.Surrogate-Control;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
