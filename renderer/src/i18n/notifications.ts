// Texts of the Notifications view, in both languages; merged into the catalogues in en.ts and pl.ts.
export const notificationsEn = {
  'nav.notifications': 'Notifications',
  'nav.unread': '({count} unread)',
  'notifications.title': 'Notifications',
  'notifications.intro': 'What your approved skills told you, newest first. A skill may notify you 10 times an hour; anything more is collected in one notice. Notifications from trial runs stay in the review and never arrive here.',
  'notifications.unreadCount': 'Unread: {count}',
  'notifications.markAllRead': 'Mark all as read',
  'notifications.markRead': 'Mark as read',
  'notifications.unread': 'Unread',
  'notifications.from': 'From {skill}, version {version}',
  'notifications.openSkill': 'Open the skill',
  'notifications.empty.title': 'No notifications yet',
  'notifications.empty.body': 'When an approved skill notifies you, for example a reminder that comes due, it appears here, in the tray menu and as a system notification.',
  'notifications.loadFailed': 'The notifications could not be loaded',
} as const;

export const notificationsPl: Record<keyof typeof notificationsEn, string> = {
  'nav.notifications': 'Powiadomienia',
  'nav.unread': '(nieprzeczytane: {count})',
  'notifications.title': 'Powiadomienia',
  'notifications.intro': 'To, o czym powiadomiły Cię zatwierdzone skille, od najnowszych. Skill może powiadomić Cię 10 razy na godzinę; kolejne powiadomienia zbieramy w jednym. Powiadomienia z uruchomień próbnych zostają w przeglądzie i nigdy tu nie trafiają.',
  'notifications.unreadCount': 'Nieprzeczytane: {count}',
  'notifications.markAllRead': 'Oznacz wszystkie jako przeczytane',
  'notifications.markRead': 'Oznacz jako przeczytane',
  'notifications.unread': 'Nieprzeczytane',
  'notifications.from': 'Od: {skill}, wersja {version}',
  'notifications.openSkill': 'Otwórz skill',
  'notifications.empty.title': 'Nie ma jeszcze powiadomień',
  'notifications.empty.body': 'Gdy zatwierdzony skill Cię powiadomi, na przykład gdy nadejdzie termin przypomnienia, zobaczysz to tutaj, w menu w zasobniku i jako powiadomienie systemowe.',
  'notifications.loadFailed': 'Nie udało się wczytać powiadomień',
};
