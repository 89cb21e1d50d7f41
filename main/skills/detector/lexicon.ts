import type { Localized } from '../../../shared/i18n-types.ts';
import type { SkillKind } from '../../../shared/skills/need.ts';
import type { LifeDomainKey } from './life-domains.ts';

/**
 * One everyday subject a person might want tracked. Polish inflection is handled by listing the
 * forms (cases, numbers, diminutives, the verbs people actually use) rather than by a stemmer, so
 * "kawał" (a joke) is never counted as coffee and every match can be explained.
 */
export interface LexiconEntry {
  /** English, name-safe: the need's subjectKey. */
  key: string;
  domain: LifeDomainKey;
  /** What to propose when the subject keeps coming up in conversation. */
  kind: SkillKind;
  /** Default unit when tracked or counted. */
  unit: Localized | null;
  pl: { lemma: string; locative: string; forms: string[] };
  en: { name: string; forms: string[] };
}

const list = (text: string) => text.split(',').map((w) => w.trim()).filter(Boolean);
const same = (unit: string): Localized => ({ pl: unit, en: unit });

const cups: Localized = { pl: 'filiżanki', en: 'cups' };
const servings: Localized = { pl: 'porcje', en: 'servings' };
const money: Localized = { pl: 'zł', en: 'PLN' };

function entry(
  key: string, domain: LifeDomainKey, kind: SkillKind, unit: Localized | null,
  pl: [lemma: string, locative: string, forms: string], en: [name: string, forms: string],
): LexiconEntry {
  return { key, domain, kind, unit, pl: { lemma: pl[0], locative: pl[1], forms: list(pl[2]) }, en: { name: en[0], forms: list(en[1]) } };
}

export const LEXICON: readonly LexiconEntry[] = [
  // drinks
  entry('water', 'hydration', 'tracker', same('ml'),
    ['woda', 'wodzie', 'woda, wody, wodzie, wodę, wodą, wodo, wód, wodom, wodami, wodach'],
    ['water', 'water']),
  entry('coffee', 'nutrition', 'counter', cups,
    ['kawa', 'kawie', 'kawa, kawy, kawie, kawę, kawą, kawo, kaw, kawom, kawami, kawach, kawka, kawki, kawce, kawkę, kawką, kawko, kawek, kawkom, kawkami, kawkach, kawusia, kawusi, kawusię, kawusią, kawusiu, kawusie, kawuś, kawusiami, espresso, latte, cappuccino, kofeina, kofeiny, kofeinę'],
    ['coffee', 'coffee, coffees, espresso, espressos, latte, lattes, cappuccino, cappuccinos, caffeine']),
  entry('tea', 'nutrition', 'counter', cups,
    ['herbata', 'herbacie', 'herbata, herbaty, herbacie, herbatę, herbatą, herbato, herbat, herbatom, herbatami, herbatach, herbatka, herbatki, herbatce, herbatkę, herbatką, herbatek, herbatkami, herbatkach'],
    ['tea', 'tea, teas']),
  entry('beer', 'health', 'counter', { pl: 'butelki', en: 'bottles' },
    ['piwo', 'piwie', 'piwo, piwa, piwu, piwem, piwie, piw, piwom, piwami, piwach, piwko, piwka, piwku, piwkiem, piwek, piwkach'],
    ['beer', 'beer, beers, pint, pints']),
  // "wina" alone is also "guilt", so the genitive only counts inside a phrase
  entry('wine', 'health', 'counter', { pl: 'kieliszki', en: 'glasses' },
    ['wino', 'winie', 'wino, winem, winie, win, winami, winach, winko, winka, winku, winkiem, kieliszek wina, kieliszka wina, kieliszki wina, lampka wina, lampkę wina, lampki wina, butelka wina, butelkę wina'],
    ['wine', 'wine, wines']),
  // food
  entry('sweets', 'nutrition', 'counter', servings,
    ['słodycze', 'słodyczach', 'słodycze, słodyczy, słodyczom, słodyczami, słodyczach, czekolada, czekolady, czekoladzie, czekoladę, czekoladą, czekoladki, czekoladek, ciastko, ciastka, ciastek, ciastkami, cukierek, cukierki, cukierków, batonik, batonika, batoniki, batoników'],
    ['sweets', 'sweets, candy, candies, chocolate, chocolates, cookie, cookies, dessert, desserts']),
  entry('meals', 'nutrition', 'journal', null,
    ['posiłki', 'posiłkach', 'posiłek, posiłku, posiłkiem, posiłki, posiłków, posiłkom, posiłkami, posiłkach, śniadanie, śniadania, śniadaniu, śniadaniem, obiad, obiadu, obiedzie, obiadem, kolacja, kolacji, kolację, kolacją, jedzenie, jedzenia, jedzeniu, jedzeniem'],
    ['meals', 'meal, meals, breakfast, lunch, dinner, supper, food']),
  entry('vegetables', 'nutrition', 'counter', servings,
    ['warzywa', 'warzywach', 'warzywo, warzywa, warzyw, warzywom, warzywami, warzywach, sałatka, sałatki, sałatkę, sałatką, sałatek'],
    ['vegetables', 'vegetable, vegetables, veggies, salad, salads']),
  entry('fruit', 'nutrition', 'counter', servings,
    ['owoce', 'owocach', 'owoc, owocu, owocem, owoce, owoców, owocom, owocami, owocach, jabłko, jabłka, jabłek, banan, banana, banany'],
    ['fruit', 'fruit, fruits, apple, apples, banana, bananas']),
  entry('calories', 'nutrition', 'tracker', same('kcal'),
    ['kalorie', 'kaloriach', 'kaloria, kalorie, kalorii, kaloriom, kaloriami, kaloriach, kcal'],
    ['calories', 'calorie, calories, kcal']),
  // sleep
  entry('sleep', 'sleep', 'tracker', same('h'),
    ['sen', 'śnie', 'sen, snu, śnie, snem, spać, śpię, śpisz, śpi, spałem, spałam, spałeś, spałaś, spał, spała, spaliśmy, wyspać, wyspałem, wyspałam, wyspany, wyspana, niewyspany, niewyspana, zasnąć, zasnąłem, zasnęłam, zasypiam, zasypiać, bezsenność, bezsenności'],
    ['sleep', 'sleep, slept, sleeping, asleep, insomnia']),
  entry('dreams', 'sleep', 'journal', null,
    ['sny', 'snach', 'sny, snów, snom, snami, snach, śniło, śnił, śniła, koszmar, koszmary, koszmaru, koszmarów'],
    ['dreams', 'dream, dreams, dreamt, dreamed, nightmare, nightmares']),
  entry('naps', 'sleep', 'tracker', same('min'),
    ['drzemka', 'drzemce', 'drzemka, drzemki, drzemce, drzemkę, drzemką, drzemek, drzemkami, drzemkach, zdrzemnąć, zdrzemnąłem, zdrzemnęłam'],
    ['naps', 'nap, naps, napped, napping']),
  // exercise
  entry('running', 'exercise', 'tracker', same('km'),
    ['bieganie', 'bieganiu', 'bieganie, biegania, bieganiu, bieganiem, biegać, biegam, biegasz, biega, biegałem, biegałam, biegałeś, biegałaś, pobiegać, pobiegałem, pobiegałam, przebiegłem, przebiegłam, jogging, joggingu'],
    ['running', 'running, jogging, jog, jogs, jogged, for a run, a run, my run, runs, my runs']),
  entry('walking', 'exercise', 'tracker', same('km'),
    ['spacer', 'spacerze', 'spacer, spaceru, spacerze, spacerem, spacery, spacerów, spacerom, spacerami, spacerach, spacerować, spaceruję, spacerowałem, spacerowałam, spacerek, spacerku, spacerkiem'],
    ['walking', 'walk, walks, walked, walking']),
  entry('steps', 'exercise', 'counter', { pl: 'kroki', en: 'steps' },
    ['kroki', 'krokach', 'kroki, kroków, krokom, krokami, krokach, krokomierz, krokomierza'],
    ['steps', 'steps, pedometer']),
  entry('cycling', 'exercise', 'tracker', same('km'),
    ['jazda na rowerze', 'jeździe na rowerze', 'rower, roweru, rowerowi, rowerem, rowerze, rowery, rowerów, rowerach, rowerami, jazda na rowerze, jeździe na rowerze'],
    ['cycling', 'cycling, cycle, cycled, bike, bikes, biking, bicycle']),
  entry('swimming', 'exercise', 'tracker', same('min'),
    ['pływanie', 'pływaniu', 'pływanie, pływania, pływaniu, pływaniem, pływać, pływam, pływałem, pływałam, basen, basenu, basenie, basenem'],
    ['swimming', 'swim, swims, swam, swimming']),
  entry('workouts', 'exercise', 'tracker', same('min'),
    ['trening', 'treningu', 'trening, treningu, treningiem, treningi, treningów, treningach, treningami, siłownia, siłowni, siłownię, siłownią, ćwiczenia, ćwiczeń, ćwiczyć, ćwiczę, ćwiczyłem, ćwiczyłam'],
    ['workouts', 'workout, workouts, gym, exercise, exercises, exercising, exercised']),
  entry('yoga', 'exercise', 'tracker', same('min'),
    ['joga', 'jodze', 'joga, jogi, jodze, jogę, jogą'],
    ['yoga', 'yoga']),
  entry('stretching', 'exercise', 'reminder', same('min'),
    ['rozciąganie', 'rozciąganiu', 'rozciąganie, rozciągania, rozciąganiu, rozciąganiem, rozciągać, rozciągam, rozciągnąć, rozciągnij, rozciągałem, rozciągałam'],
    ['stretching', 'stretch, stretches, stretching, stretched']),
  // body and health
  entry('weight', 'health', 'tracker', same('kg'),
    ['waga', 'wadze', 'waga, wagi, wadze, wagę, wagą, ważę, ważyłem, ważyłam, ważyć, zważyć, ważenie, ważenia, ważeniu, schudnąć, schudłem, schudłam, przytyłem, przytyłam'],
    ['weight', 'weight, weigh, weighed, weighing']),
  entry('blood-pressure', 'health', 'tracker', same('mmHg'),
    ['ciśnienie', 'ciśnieniu', 'ciśnienie, ciśnienia, ciśnieniu, ciśnieniem, ciśnieniomierz'],
    ['blood pressure', 'blood pressure']),
  entry('headaches', 'health', 'counter', null,
    ['ból głowy', 'bólu głowy', 'ból głowy, bólu głowy, bóle głowy, bólem głowy, głowa mnie boli, boli mnie głowa, migrena, migreny, migrenie, migrenę, migreną'],
    ['headaches', 'headache, headaches, migraine, migraines']),
  entry('symptoms', 'health', 'journal', null,
    ['objawy', 'objawach', 'objaw, objawy, objawów, objawach, objawami, dolegliwości, dolegliwościach'],
    ['symptoms', 'symptom, symptoms']),
  entry('medication', 'health', 'reminder', null,
    ['leki', 'lekach', 'lek, leku, lekiem, leki, leków, lekom, lekami, lekach, tabletka, tabletki, tabletce, tabletkę, tabletką, tabletek, tabletkami, tabletkach, pigułka, pigułki, pigułkę, pigułek'],
    ['medication', 'medication, medications, medicine, medicines, meds, pill, pills']),
  entry('vitamins', 'health', 'reminder', null,
    ['witaminy', 'witaminach', 'witamina, witaminy, witaminę, witaminą, witamin, witaminom, witaminami, witaminach, suplement, suplementy, suplementów, suplementach, suplementami'],
    ['vitamins', 'vitamin, vitamins, supplement, supplements']),
  entry('cigarettes', 'health', 'counter', { pl: 'szt.', en: 'pcs' },
    ['papierosy', 'papierosach', 'papieros, papierosa, papierosy, papierosów, papierosem, papierosami, papierosach, fajka, fajki, fajek, palić, palę, paliłem, paliłam, zapaliłem, zapaliłam, palenie, palenia, paleniu'],
    ['cigarettes', 'cigarette, cigarettes, smoke, smoked, smoking, smokes, cig, cigs, vape, vaping']),
  // mind
  entry('mood', 'mood', 'tracker', null,
    ['nastrój', 'nastroju', 'nastrój, nastroju, nastrojem, nastroje, nastrojów, humor, humoru, humorem'],
    ['mood', 'mood, moods']),
  entry('stress', 'mood', 'tracker', null,
    ['stres', 'stresie', 'stres, stresu, stresie, stresem, stresuję, stresowałem, stresowałam, zestresowany, zestresowana, niepokój, niepokoju, lęk, lęku'],
    ['stress', 'stress, stressed, stressful, anxiety, anxious']),
  entry('energy', 'energy', 'tracker', null,
    ['energia', 'energii', 'energia, energii, energię, energią, zmęczony, zmęczona, zmęczenie, zmęczenia, zmęczeniu, padnięty, padnięta'],
    ['energy', 'energy, tired, exhausted, fatigue, fatigued']),
  entry('meditation', 'mindfulness', 'tracker', same('min'),
    ['medytacja', 'medytacji', 'medytacja, medytacji, medytację, medytacją, medytacje, medytować, medytuję, medytowałem, medytowałam, uważność, uważności'],
    ['meditation', 'meditation, meditate, meditated, meditating, mindfulness']),
  entry('gratitude', 'mindfulness', 'journal', null,
    ['wdzięczność', 'wdzięczności', 'wdzięczność, wdzięczności, wdzięcznością, wdzięczny, wdzięczna'],
    ['gratitude', 'gratitude, grateful, thankful']),
  entry('screen-time', 'mindfulness', 'tracker', same('h'),
    ['czas przed ekranem', 'czasie przed ekranem', 'czas przed ekranem, czasu przed ekranem, czasie przed ekranem, ekran, ekranu, ekranie, scrollowanie, scrollowania, scrolluję, scrollowałem, scrollowałam, instagram, instagrama, instagramie, tiktok, tiktoka, tiktoku, media społecznościowe, mediach społecznościowych, social media'],
    ['screen time', 'screen time, screen, screens, scrolling, scrolled, doomscrolling, instagram, tiktok, social media']),
  // money
  entry('spending', 'finance', 'tracker', money,
    ['wydatki', 'wydatkach', 'wydatek, wydatku, wydatki, wydatków, wydatkom, wydatkami, wydatkach, wydałem, wydałam, wydaję, wydajesz, wydam, wydamy, wydać, wydawać, pieniądze, pieniędzy, pieniądzach, pieniędzmi, pieniądzom'],
    ['spending', 'spend, spends, spending, spent, expense, expenses, money']),
  entry('savings', 'finance', 'tracker', money,
    ['oszczędności', 'oszczędnościach', 'oszczędności, oszczędnościach, oszczędnościami, oszczędzać, oszczędzam, oszczędziłem, oszczędziłam'],
    ['savings', 'savings, saving money, save money, saved money']),
  entry('bills', 'finance', 'reminder', null,
    ['rachunki', 'rachunkach', 'rachunek, rachunku, rachunki, rachunków, rachunkach, rachunkami, faktura, faktury, faktur, fakturę, czynsz, czynszu'],
    ['bills', 'bill, bills, invoice, invoices, rent']),
  // learning and work
  entry('reading', 'learning', 'tracker', { pl: 'strony', en: 'pages' },
    ['czytanie', 'czytaniu', 'czytanie, czytania, czytaniu, czytać, czytam, czytałem, czytałam, przeczytałem, przeczytałam, książka, książki, książce, książkę, książką, książek, książkami, książkach'],
    ['reading', 'reading, read, book, books']),
  entry('learning', 'learning', 'tracker', same('min'),
    ['nauka', 'nauce', 'nauka, nauki, nauce, naukę, nauką, uczyć się, uczę się, uczyłem się, uczyłam się, kurs, kursu, kursie, kursem, lekcja, lekcji, lekcję'],
    ['learning', 'learning, learn, learned, learnt, study, studying, studied, course, lesson, lessons']),
  entry('work', 'work', 'tracker', same('h'),
    ['praca', 'pracy', 'praca, pracy, pracę, pracą, pracuję, pracujesz, pracowałem, pracowałam, nadgodziny, nadgodzin, nadgodzinach, biuro, biura, biurze, robota, roboty, robocie'],
    ['work', 'work, working, worked, job, overtime, office']),
  entry('tasks', 'work', 'checklist', null,
    ['zadania', 'zadaniach', 'zadanie, zadania, zadań, zadaniom, zadaniami, zadaniach, rzeczy do zrobienia'],
    ['tasks', 'task, tasks, to do, todo, todos, to dos']),
  // people
  entry('friends', 'social', 'counter', null,
    ['znajomi', 'znajomych', 'znajomi, znajomych, znajomym, znajomymi, przyjaciel, przyjaciela, przyjacielem, przyjaciele, przyjaciół, przyjaciółmi, przyjaciółka, przyjaciółki, przyjaciółką, przyjaciółce, kumpel, kumpla, kumplem, kumple, kumpli, kumplami'],
    ['friends', 'friend, friends, mates, buddies']),
  // "mamy" is also "we have", so it is left out
  entry('family', 'social', 'counter', null,
    ['rodzina', 'rodzinie', 'rodzina, rodziny, rodzinie, rodzinę, rodziną, mama, mamie, mamę, mamą, mamo, tata, taty, tacie, tatę, tatą, tato, rodzice, rodziców, rodzicami, rodzicom, babcia, babci, babcię, dziadek, dziadka'],
    ['family', 'family, mom, mum, dad, parents, grandma, grandpa']),
  // home
  entry('shopping', 'home', 'checklist', null,
    ['zakupy', 'zakupach', 'zakupy, zakupów, zakupom, zakupami, zakupach, sklep, sklepu, sklepie, sprawunki'],
    ['shopping', 'shopping, groceries, grocery']),
  entry('cleaning', 'home', 'checklist', null,
    ['sprzątanie', 'sprzątaniu', 'sprzątanie, sprzątania, sprzątaniu, sprzątaniem, sprzątać, sprzątam, sprzątałem, sprzątałam, posprzątać, posprzątałem, posprzątałam, porządki, porządków, pranie, prania, praniu'],
    ['cleaning', 'cleaning, clean up, cleaned, chores, laundry, vacuuming']),
  entry('plants', 'home', 'reminder', null,
    ['rośliny', 'roślinach', 'roślina, rośliny, roślin, roślinom, roślinami, roślinach, kwiat, kwiaty, kwiatów, kwiatom, kwiatami, kwiatach, kwiatki, kwiatków, podlewanie, podlewania, podlewaniu, podlać, podlewać, podlewam'],
    ['plants', 'plant, plants, houseplants, flowers, water the plants, water plants, water my plants, watering the plants, watering plants, watering my plants']),
];

export const LEXICON_BY_KEY: ReadonlyMap<string, LexiconEntry> = new Map(LEXICON.map((e) => [e.key, e]));
