// Edit this line while `npm run demo -- --watch` runs: the greeter is loaded again, the ticker keeps counting.
export const greeting = 'Hello'
