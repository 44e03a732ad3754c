/**
 * Studio accounts and sign-in for the specs: accounts are made with the lake's own CLI, as an
 * administrator would, and every spec signs in through the Studio's login screen (the lake's
 * /login form), as staff do.
 */
import { execFileSync } from 'node:child_process'
import type { Browser, Page } from '@playwright/test'
import { E2E } from './env'
import { expect } from './test'

export const STUDIO_PASSWORD = 'e2e password that is long enough'

export function addStudioUser(email: string, role: 'viewer' | 'editor' | 'administrator', name = email.split('@')[0]!) {
  execFileSync('npx', ['tsx', 'lake/cli.ts', 'user', 'add', email, '--role', role, '--name', name, '--password-stdin'], {
    env: process.env,
    input: `${STUDIO_PASSWORD}\n`,
    encoding: 'utf8',
  })
}

/** Signs in on `page` and waits for the desk. */
export async function signInToStudio(page: Page, email: string) {
  await page.goto(E2E.studio)
  await page.getByText('Envoy account').click()
  await expect(page.getByRole('heading', { name: 'Sign in to Envoy Studio' })).toBeVisible()
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(STUDIO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByText('Fact library').first()).toBeVisible({ timeout: 30_000 })
}

/** A new browser context (its own session) signed in as `email`. */
export async function newStudioPage(browser: Browser, email: string, viewport = { width: 1400, height: 900 }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage()
  await signInToStudio(page, email)
  return page
}

/** Runs a document action from the footer's "…" menu (or its button), once it is offered. */
export async function documentAction(page: Page, label: string) {
  const button = page.getByRole('button', { name: label, exact: true })
  const menu = page.getByTestId('action-menu-button')
  await expect(async () => {
    if ((await button.isVisible()) && (await button.isEnabled())) return button.click()
    await menu.click()
    const item = page.getByRole('menuitem', { name: label })
    if ((await item.isVisible()) && (await item.isEnabled())) return item.click()
    await page.keyboard.press('Escape')
    throw new Error(`the action "${label}" is not offered yet`)
  }).toPass({ timeout: 30_000 })
}
