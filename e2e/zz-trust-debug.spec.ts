import { test } from '@playwright/test'
test('debug', async ({ page }) => {
  page.on('console', (m) => console.log('console:', m.text()))
  const studio = `http://localhost:47100`
  const portal = 'http://localhost:47100'
  await page.route(`${studio}/frame-test`, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><iframe src="${portal}/about"></iframe>` }))
  await page.goto(`${studio}/frame-test`)
  await page.waitForTimeout(2000)
  for (const f of page.frames()) console.log('frame', f.url(), await f.locator('h1').first().textContent({ timeout: 1000 }).catch((e) => 'ERR ' + String(e).slice(0, 100)))
})
