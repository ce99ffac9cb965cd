import { sitePath } from '@/lib/sitePath'

/**
 * An inline script for every page: opened from an IPFS path gateway (`https://<gateway>/ipfs/<cid>/`),
 * where its site-absolute assets cannot load and every site shares one origin (so one site's keys
 * would be readable by any other), the page says so and links to the subdomain form that works
 * (dweb.link redirects `/ipfs/<cid>/…` to `https://<cid>.ipfs.dweb.link/…`). Needs no asset of its own.
 * A site built with its base path under `/ipfs/` or `/ipns/` on purpose is left alone.
 */
export const pathGatewayScript = `(function(){var b=${JSON.stringify(sitePath(''))},p=location.pathname;if((b&&p.indexOf(b+'/')===0)||!/^\\/ip[fn]s\\/[^/]+/.test(p))return;document.addEventListener('DOMContentLoaded',function(){var m=document.createElement('main'),t=document.createElement('p'),a=document.createElement('a');m.setAttribute('data-testid','path-gateway-notice');m.style.cssText='max-width:40rem;margin:4rem auto;padding:0 1rem;font-family:sans-serif';t.textContent='Keyswarm cannot run from an IPFS path gateway: every site there shares one origin, so other sites could read the keys it keeps. Open it from a subdomain gateway instead:';a.href='https://dweb.link'+p+location.search+location.hash;a.textContent=a.href;m.append(t,a);document.body.replaceChildren(m)})})()`
