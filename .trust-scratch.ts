import { parse } from 'groq-js'
for (const n of [10000, 100000]) {
  for (const make of [(n: number) => '[' + Array(n).fill('1').join(',') + ']', (n: number) => '{' + Array.from({length: n}, (_, i) => `"a${i}": 1`).join(',') + '}', (n: number) => '*[' + Array(n).fill('a').join(' && ') + ']', (n: number) => 'select(' + Array(n).fill('a => 1').join(',') + ')']) {
  const q = make(n)
  const t = Date.now()
  try { parse(q) ; console.log(n, 'ok', Date.now() - t) } catch (e) { console.log(n, (e as Error).name, Date.now() - t) }
  }
}
