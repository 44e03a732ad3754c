vcl 4.1;
#
# Envoy's shared cache: Varnish in front of `next start` (scripts/start-cached.ts renders the
# {{…}} values and starts varnishd on this file; see README, "How production runs").
#
# - Readers are served from the cache. Each page arrives from the portal with its cache tags as
#   surrogate keys (`Surrogate-Key`, lib/revalidation/surrogateKeys.ts); a publish purges exactly
#   those keys here (one PURGE per batch from app/api/revalidate), just after Next expires the
#   same tags, so the next reader gets the new page.
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
        # A hard purge, as the portal expires its own tags at once (`expire: 0`): a corrected
        # figure is never served again, not even once from grace.
        set req.http.X-Envoy-Purged = xkey.purge(req.http.X-Envoy-Purge-Keys);
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
    # The keys go to xkey; a CDN would read the same header (README, "How production runs").
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
        unset beresp.http.Surrogate-Key;
    }
    if (beresp.http.Content-Type ~ "^(text/|application/(json|xml|rss\+xml|atom\+xml|javascript|manifest\+json)|image/svg\+xml)") {
        set beresp.do_gzip = true;
    }
    # A response that sets a cookie belongs to one browser; one that says private/no-store (a
    # dynamic page, draft mode) must not be kept either. Marked uncacheable for two minutes, so
    # requests for it go straight to the portal instead of queueing behind one another.
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(?i)(private|no-store)") {
        call envoy_uncacheable;
        return (deliver);
    }
    # `no-cache` / `max-age=0` (calendars, the sitemap) tell browsers and calendar apps to ask
    # again every time. A response that names its surrogate keys is purged here the moment its
    # content changes, so the cache may keep it for the portal's ISR interval meanwhile; a
    # response without keys could not be purged and is not kept.
    if (beresp.ttl <= 0s || beresp.http.Cache-Control ~ "(?i)no-cache") {
        if (!beresp.http.xkey) {
            call envoy_uncacheable;
            return (deliver);
        }
        set beresp.ttl = 60s;
    }
    # Next sends `stale-while-revalidate` of about a year, which Varnish would take as grace:
    # an object nobody asks for again would then stay in memory for a year. A short grace still
    # lets a popular page be refreshed in the background at its ISR interval.
    if (beresp.status >= 400) {
        # A junk URL's 404 lives no longer than ten seconds and is never served stale.
        if (beresp.ttl > 10s) {
            set beresp.ttl = 10s;
        }
        set beresp.grace = 0s;
    } else {
        set beresp.grace = 30s;
    }
    set beresp.keep = 0s;
    return (deliver);
}

sub envoy_uncacheable {
    set beresp.uncacheable = true;
    set beresp.ttl = 120s;
    set beresp.grace = 0s;
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.xkey;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
