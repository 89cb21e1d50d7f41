export const LIFE_DOMAIN_KEYS = [
  'sleep', 'energy', 'hydration', 'nutrition', 'exercise', 'mood', 'finance',
  'social', 'work', 'learning', 'health', 'mindfulness', 'home',
] as const;
export type LifeDomainKey = (typeof LIFE_DOMAIN_KEYS)[number];

export interface LifeDomain {
  key: LifeDomainKey;
  /** "Nigdy nie mówisz o {pl.locative}" / "You never talk about {en.name}". */
  pl: { name: string; locative: string };
  en: { name: string };
  /** Words that show the domain is talked about, beyond the forms of its lexicon subjects. */
  keywords: { pl: string[]; en: string[] };
  /** The lexicon subject proposed when nobody talks about the domain. */
  suggest: string;
}

const list = (text: string) => text.split(',').map((w) => w.trim()).filter(Boolean);

/** The areas of everyday life a gap ("you never talk about X") is looked for in. */
export const LIFE_DOMAINS: readonly LifeDomain[] = [
  {
    key: 'sleep', suggest: 'sleep',
    pl: { name: 'sen', locative: 'śnie' }, en: { name: 'sleep' },
    keywords: { pl: list('łóżko, łóżka, łóżku, budzik, budzika, obudziłem, obudziłam, wstałem, wstałam'), en: list('bed, bedtime, woke up, wake up, alarm clock') },
  },
  {
    key: 'energy', suggest: 'energy',
    pl: { name: 'energia', locative: 'energii' }, en: { name: 'your energy' },
    keywords: { pl: list('siły, sił, senny, senna, ospały, ospała, wykończony, wykończona'), en: list('drained, sleepy, energetic, worn out') },
  },
  {
    key: 'hydration', suggest: 'water',
    pl: { name: 'nawodnienie', locative: 'nawodnieniu' }, en: { name: 'drinking water' },
    keywords: { pl: list('nawodnienie, nawodnienia, nawodniony, nawodniona, pragnienie, spragniony, spragniona'), en: list('hydration, hydrated, dehydrated, thirsty') },
  },
  {
    key: 'nutrition', suggest: 'meals',
    pl: { name: 'jedzenie', locative: 'jedzeniu' }, en: { name: 'food' },
    keywords: { pl: list('jem, jeść, zjadłem, zjadłam, dieta, diety, diecie, głodny, głodna'), en: list('eat, ate, eating, diet, hungry, snack, snacks') },
  },
  {
    key: 'exercise', suggest: 'workouts',
    pl: { name: 'ruch', locative: 'ruchu' }, en: { name: 'exercise' },
    keywords: { pl: list('sport, sportu, ruch, ruchu, aktywność fizyczna, aktywności fizycznej, fitness'), en: list('sport, sports, fitness, physical activity') },
  },
  {
    key: 'mood', suggest: 'mood',
    pl: { name: 'nastrój', locative: 'nastroju' }, en: { name: 'your mood' },
    keywords: { pl: list('smutny, smutna, szczęśliwy, szczęśliwa, wesoły, wesoła, czuję się, samopoczucie, samopoczuciem, emocje, emocji'), en: list('happy, sad, upset, angry, i feel, feeling, felt') },
  },
  {
    key: 'finance', suggest: 'spending',
    pl: { name: 'pieniądze', locative: 'pieniądzach' }, en: { name: 'money' },
    keywords: { pl: list('pensja, pensji, wypłata, wypłaty, budżet, budżetu, kredyt, kredytu, złotych, konto, koncie'), en: list('budget, salary, paycheck, loan, bank account') },
  },
  {
    key: 'social', suggest: 'friends',
    pl: { name: 'bliscy', locative: 'bliskich' }, en: { name: 'friends and family' },
    keywords: { pl: list('spotkanie, spotkałem, spotkałam, impreza, imprezy, imprezie, randka, randki, randce'), en: list('party, hang out, hung out, met up, catch up') },
  },
  {
    key: 'work', suggest: 'work',
    pl: { name: 'praca', locative: 'pracy' }, en: { name: 'work' },
    keywords: { pl: list('szef, szefa, szefem, projekt, projektu, projekcie, klient, klienta, deadline, raport, raportu, raportem, zespół, zespołu'), en: list('boss, project, client, deadline, meeting, meetings, report, colleague, colleagues') },
  },
  {
    key: 'learning', suggest: 'learning',
    pl: { name: 'nauka', locative: 'nauce' }, en: { name: 'learning' },
    keywords: { pl: list('szkoła, szkole, studia, studiach, egzamin, egzaminu, angielski, angielskiego'), en: list('school, exam, exams, university, language') },
  },
  {
    key: 'health', suggest: 'symptoms',
    pl: { name: 'zdrowie', locative: 'zdrowiu' }, en: { name: 'your health' },
    keywords: { pl: list('lekarz, lekarza, lekarzem, zdrowie, zdrowia, zdrowiu, chory, chora, choroba, przeziębienie, ból, boli'), en: list('doctor, health, sick, ill, flu, pain, hurts') },
  },
  {
    key: 'mindfulness', suggest: 'meditation',
    pl: { name: 'odpoczynek', locative: 'odpoczynku' }, en: { name: 'rest and mindfulness' },
    keywords: { pl: list('odpoczynek, odpoczynku, relaks, relaksu, oddech, oddechu, spokój, spokoju'), en: list('rest, relax, relaxing, breathe, breathing, calm') },
  },
  {
    key: 'home', suggest: 'cleaning',
    pl: { name: 'dom', locative: 'domu' }, en: { name: 'your home' },
    keywords: { pl: list('dom, domu, domem, mieszkanie, mieszkania, mieszkaniu'), en: list('home, house, flat, apartment') },
  },
];
