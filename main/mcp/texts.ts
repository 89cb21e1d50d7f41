// What the MCP server tells the assistant, in Polish and English; the server answers in the owner's language.
import type { Localized } from '../../shared/i18n-types.ts';

export const MCP_TEXTS = {
  instructions: {
    en: 'Skill Foundry runs the skills its owner approved, each in a sandbox. Each action of such a skill is a tool named skill__action. You can ask for new skills (request_skill), a review or a rollback; only the owner approves, rejects or rolls back, with two factors in the Skill Foundry desktop app. No tool here can do that for them.',
    pl: 'Skill Foundry uruchamia skille zatwierdzone przez właściciela, każdy w piaskownicy. Każda akcja takiego skilla jest narzędziem o nazwie skill__akcja. Możesz prosić o nowe skille (request_skill), o przegląd lub o powrót do wersji; zatwierdza, odrzuca i cofa wersje tylko właściciel, dwoma składnikami w aplikacji Skill Foundry. Żadne narzędzie tutaj nie zrobi tego za niego.',
  },
  requestSkill: {
    en: 'Ask for a new skill, in a sentence (Polish or English) or as a need. Skill Foundry generates it, audits it and dry-runs it in a sandbox; the new version then waits for the owner, who must approve it in the Skill Foundry desktop app before it can run. Each request counts against the owner’s daily limit of proposals.',
    pl: 'Poproś o nowy skill zdaniem (po polsku lub angielsku) albo jako potrzebę. Skill Foundry go wygeneruje, sprawdzi i uruchomi na próbę w piaskownicy; nowa wersja czeka potem na właściciela, który musi ją zatwierdzić w aplikacji Skill Foundry, zanim będzie mogła działać. Każda prośba liczy się do dziennego limitu propozycji ustalonego przez właściciela.',
  },
  listSkills: {
    en: 'The skills you may see: those that can run now with their actions, the others (waiting for the owner’s approval) with their status only.',
    pl: 'Skille, które możesz zobaczyć: działające z ich akcjami, pozostałe (czekające na zatwierdzenie przez właściciela) tylko ze stanem.',
  },
  getSkill: {
    en: 'One skill and its versions, by slug or id.',
    pl: 'Jeden skill i jego wersje, według sluga lub identyfikatora.',
  },
  requestReview: {
    en: 'Ask the owner to review a skill’s waiting version. It only notifies them: approving takes their two factors in the Skill Foundry desktop app.',
    pl: 'Poproś właściciela o przejrzenie oczekującej wersji skilla. To tylko powiadomienie: zatwierdzenie wymaga jego dwóch składników w aplikacji Skill Foundry.',
  },
  requestRollback: {
    en: 'Ask the owner to go back to an earlier approved version of a skill. Nothing changes until they confirm it in the Skill Foundry desktop app.',
    pl: 'Poproś właściciela o powrót do wcześniejszej zatwierdzonej wersji skilla. Nic się nie zmieni, dopóki nie potwierdzi tego w aplikacji Skill Foundry.',
  },
  searchMarketplace: {
    en: 'Search the skill marketplace the owner configured: listings with what each skill may do, its risk, its publisher and a trust score with the reasons. Installing one only asks the owner (request_marketplace_install).',
    pl: 'Przeszukaj marketplace skilli ustawiony przez właściciela: wpisy z tym, co każdy skill może robić, jego ryzykiem, wydawcą i oceną zaufania z uzasadnieniem. Instalacja to tylko prośba do właściciela (request_marketplace_install).',
  },
  showMarketplaceListing: {
    en: 'One marketplace listing, by slug or slug@version, checked on this computer without installing it: signature and hash verified, code audited here.',
    pl: 'Jeden wpis z marketplace (slug albo slug@wersja), sprawdzony na tym komputerze bez instalowania: podpis i skrót zweryfikowane, kod przeanalizowany tutaj.',
  },
  requestMarketplaceInstall: {
    en: 'Ask for a marketplace skill: it is downloaded, verified, audited and dry-run here, then waits in the review queue as requested by you. The owner must approve it with two factors in the Skill Foundry desktop app before it can run. Each request counts against the owner’s daily limit of proposals.',
    pl: 'Poproś o skill z marketplace: zostanie pobrany, zweryfikowany, przeanalizowany i uruchomiony na próbę tutaj, a potem czeka w kolejce przeglądu jako Twoja prośba. Właściciel musi go zatwierdzić dwoma składnikami w aplikacji Skill Foundry, zanim będzie mógł działać. Każda prośba liczy się do dziennego limitu propozycji ustalonego przez właściciela.',
  },
  marketFound: (listings: number, categories: readonly string[]): Localized => ({
    en: `Listings found: ${listings}${categories.length ? ` (categories: ${categories.join(', ')})` : ''}. Installing one only asks the owner, who approves it in the Skill Foundry desktop app.`,
    pl: `Znalezione wpisy: ${listings}${categories.length ? ` (kategorie: ${categories.join(', ')})` : ''}. Instalacja to tylko prośba do właściciela, który zatwierdza ją w aplikacji Skill Foundry.`,
  }),
  marketShown: (id: string, score: number, problem: Localized | null): Localized => ({
    en: problem ? `${id} failed its checks here: ${problem.en}` : `${id}: checked here, trust score ${score}/100. Installing it only asks the owner, who approves it in the Skill Foundry desktop app.`,
    pl: problem ? `${id} nie przeszedł sprawdzenia tutaj: ${problem.pl}` : `${id}: sprawdzony tutaj, ocena zaufania ${score}/100. Instalacja to tylko prośba do właściciela, który zatwierdza ją w aplikacji Skill Foundry.`,
  }),
  marketRequested: (tag: string, expiresAt: string | null): Localized => ({
    en: `${tag} is in the review queue as requested by you. It cannot run until the owner approves it with two factors in the Skill Foundry desktop app${expiresAt ? ` (if not approved by ${expiresAt}, it is rejected automatically)` : ''}.`,
    pl: `${tag} czeka w kolejce przeglądu jako Twoja prośba. Nie zadziała, dopóki właściciel nie zatwierdzi go dwoma składnikami w aplikacji Skill Foundry${expiresAt ? ` (jeśli nie zostanie zatwierdzony do ${expiresAt}, zostanie automatycznie odrzucony)` : ''}.`,
  }),
  generated: (tag: string, expiresAt: string | null): Localized => ({
    en: `${tag} was generated and now waits for the owner: they must review and approve it in the Skill Foundry desktop app before it can run${expiresAt ? ` (if not approved by ${expiresAt}, it is rejected automatically)` : ''}. It is not a tool until then.`,
    pl: `Wygenerowano ${tag}; teraz czeka na właściciela: musi go przejrzeć i zatwierdzić w aplikacji Skill Foundry, zanim będzie mógł działać${expiresAt ? ` (jeśli nie zostanie zatwierdzony do ${expiresAt}, zostanie automatycznie odrzucony)` : ''}. Do tego czasu nie jest narzędziem.`,
  }),
  reviewRequested: (skill: string, version: string): Localized => ({
    en: `The owner was asked to review ${skill} ${version}. It is not approved by this: they decide in the Skill Foundry desktop app.`,
    pl: `Poproszono właściciela o przejrzenie ${skill} ${version}. To go nie zatwierdza: decyzja należy do właściciela, w aplikacji Skill Foundry.`,
  }),
  rollbackRequested: (skill: string, version: string): Localized => ({
    en: `The owner was asked to roll ${skill} back to ${version}. No version changed yet: they confirm it in the Skill Foundry desktop app.`,
    pl: `Poproszono właściciela o powrót ${skill} do wersji ${version}. Żadna wersja się jeszcze nie zmieniła: właściciel potwierdza to w aplikacji Skill Foundry.`,
  }),
  listed: (runnable: number, waiting: number): Localized => ({
    en: `Skills that can run now: ${runnable}; waiting for the owner or unable to run: ${waiting}.`,
    pl: `Skille, które mogą teraz działać: ${runnable}; czekające na właściciela lub niemogące działać: ${waiting}.`,
  }),
  skillShown: (slug: string, status: string): Localized => ({ en: `${slug}: ${status}.`, pl: `${slug}: ${status}.` }),
  ran: (tool: string): Localized => ({ en: `${tool} ran.`, pl: `${tool} wykonano.` }),
  actionRefused: (tool: string): Localized => ({ en: `${tool} ran and refused:`, pl: `${tool} uruchomiono, ale odmówił:` }),
  unknownTool: (name: string): Localized => ({
    en: `There is no tool ${JSON.stringify(name.slice(0, 140))}: the skill may not be approved (yet), or was archived. List the tools again.`,
    pl: `Nie ma narzędzia ${JSON.stringify(name.slice(0, 140))}: skill może nie być (jeszcze) zatwierdzony albo został zarchiwizowany. Pobierz listę narzędzi ponownie.`,
  }),
  unknownResource: (uri: string): Localized => ({
    en: `There is no resource ${JSON.stringify(uri.slice(0, 200))}: resources are skill://<slug>/SKILL.md and skill://<slug>/disclosure of skills that run now.`,
    pl: `Nie ma zasobu ${JSON.stringify(uri.slice(0, 200))}: zasoby to skill://<slug>/SKILL.md i skill://<slug>/disclosure działających skilli.`,
  }),
  skillMdTitle: (name: string): Localized => ({ en: `${name}: SKILL.md of the running version`, pl: `${name}: SKILL.md działającej wersji` }),
  disclosureTitle: (name: string): Localized => ({ en: `${name}: what the owner approved it to do`, pl: `${name}: na co właściciel mu pozwolił` }),
  internal: {
    en: 'Something failed inside Skill Foundry; the details are in its log.',
    pl: 'Coś zawiodło wewnątrz Skill Foundry; szczegóły są w jego dzienniku.',
  },
} as const;
