// The home view "Today" (issue 16 §1): each active skill's card read through the sandbox, cached
// briefly, with the schedules coming up and the latest notifications.
export { createTodayBoard, CACHE_MS, type TodayBoardDeps, type TodayReader } from './today-board.ts';
export { cardFigures } from './card-data.ts';
