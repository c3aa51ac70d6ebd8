// Deutsch. Anrede „Sie“, wie in der internen Kommunikation einer Bank üblich.
import type { Dictionary } from './types.ts';

export const de = {
  // App shell
  'shell.skip': 'Zum Inhalt springen',
  'shell.footer':
    'Greenroom – sagen Sie, was nicht funktioniert, was besser werden könnte und wer geholfen hat. Anonym.',
  'shell.footer.anonymity': 'So wird Ihre Anonymität geschützt',
  'shell.footer.transparency': 'Wer sich angemeldet hat, Team für Team',
  'shell.language': 'Sprache',
  'nav.home': 'Greenroom Startseite',
  'nav.main': 'Hauptnavigation',
  'nav.menu': 'Menü',
  'nav.suggest': 'Vorschlag',
  'nav.board': 'Gesagt, getan',
  'nav.kudos': 'Dankeschön',
  'nav.handoff': 'Übergabe bewerten',
  'nav.journeys': 'Kundenwege',
  'nav.focusGroups': 'Fokusgruppen',
  'nav.mine': 'Meine Vorschläge',
  'nav.wallet': 'Meine Wallet',
  'nav.news': { one: '({count} mit Neuigkeiten)', other: '({count} mit Neuigkeiten)' },
  'nav.staffSignIn': 'Anmeldung Moderation',
  'nav.console': 'Konsole',
  'nav.admin': 'Admin',
  'nav.account': 'Ihr Konto ({role})',
  'nav.signOut': 'Abmelden',

  // Shared words
  'common.loading': 'Wird geladen …',
  'common.openingWallet': 'Ihre Wallet wird geöffnet …',
  'common.makeSuggestion': 'Vorschlag machen',

  // Home
  'home.title': 'Sagen Sie es hier. Niemand erfährt, dass es von Ihnen kam.',
  'home.lead':
    'Was nicht funktioniert, was besser werden könnte und wer geholfen hat – gerade die Teams im Hintergrund, die Kundinnen und Kunden nie zu sehen bekommen. Greenroom kann nicht erkennen, wer was geschrieben hat: nicht Ihre Führungskraft, nicht die IT, nicht wir.',
  'home.thankTeam': 'Einem Team danken',
  'home.howAnonymity': 'So funktioniert die Anonymität',
  'home.enrol.label': 'Anmelden',
  'home.enrol.new': 'Neu hier?',
  'home.enrol.text': 'Melden Sie diesen Browser mit dem Code von Ihrem Willkommensblatt an, um mitzumachen.',
  'home.enrol.button': 'Jetzt anmelden',
  'home.steps': 'So funktioniert Greenroom',
  'home.step1.title': 'Einmal anmelden',
  'home.step1.text':
    'Geben Sie den Code von Ihrem Willkommensblatt ein. Ihr Browser erhält einen Mitgliedsschlüssel – niemand erfährt, wem er gehört.',
  'home.step2.title': 'Offen sprechen',
  'home.step2.text':
    'Jeder Vorschlag, jede Stimme und jedes Dankeschön verbraucht ein blindes Token, das der Server signiert hat, ohne es zu sehen.',
  'home.step3.title': 'Antwort erhalten',
  'home.step3.text':
    'Ihre Quittung, gespeichert in diesem Browser, ist der einzige Schlüssel zu den Antworten. Nicht einmal das Moderationsteam weiß, dass Sie es waren.',
  'home.featured': 'Dankeschöns an die Teams hinter den Kulissen',
  'home.allKudos': 'Alle Dankeschöns →',
  'home.pulse.title': 'Pulsbefragung dieser Woche',
  'home.pulse.none': 'Gerade läuft keine Pulsbefragung.',
  'home.pulse.past': 'Frühere Ergebnisse ansehen',
  'home.pulse.closes': 'Anonym: eine Antwort pro Person, endet am {day}.',
  'home.pulse.more': 'Mehr',
  'home.themes.title': 'Worüber gerade gesprochen wird',
  'home.themes.all': 'Alle Themen',
  'home.themes.unavailable': 'Themen sind gerade nicht verfügbar.',
  'home.themes.none': 'Noch keine Themen: Sie erscheinen, sobald genügend Beiträge veröffentlicht sind.',
  'home.themes.comments': { one: '{count} Beitrag', other: '{count} Beiträge' },

  // Suggest
  'suggest.lead':
    'Was funktioniert nicht, was ist zu langsam, was ginge besser? Sagen Sie es geradeheraus. Greenroom kann nicht erkennen, wer es geschrieben hat – weder Ihre Führungskraft noch die IT noch das Moderationsteam.',
  'suggest.notEnrolled': 'Dieser Browser ist noch nicht angemeldet.',
  'suggest.notEnrolled.link': 'Melden Sie sich mit dem Code von Ihrem Willkommensblatt an,',
  'suggest.notEnrolled.after': 'um Vorschläge zu senden.',
  'suggest.label': 'Ihr Vorschlag',
  'suggest.placeholder':
    'z. B. Das Kreditantragssystem verliert hochgeladene Gehaltsnachweise, deshalb bitten wir Kundinnen und Kunden, sie zweimal zu schicken …',
  'suggest.tooShort': 'Mindestens {min} Zeichen (bisher {length}).',
  'suggest.length': '{length} / {max} Zeichen.',
  'suggest.concerns': 'Welches Team betrifft es? (optional)',
  'suggest.concerns.none': 'Weiß nicht / mehrere',
  'suggest.yourTeam': 'Ihr Team',
  'suggest.own': 'Angeben, dass ich im Team {team} arbeite',
  'suggest.own.hint':
    'Ihr Anmeldecode galt für das Team {team}, deshalb kann nur Ihr eigenes Team genannt werden – niemand kann es in Ihrem Namen angeben. Die Angabe erscheint erst, wenn genügend Kolleginnen und Kollegen im Team {team} angemeldet sind und genügend veröffentlichte Vorschläge sie tragen, sodass niemand herausgegriffen werden kann (standardmäßig jeweils mindestens fünf).',
  'suggest.sending': 'Wird gesendet …',
  'suggest.send': 'Anonym senden',
  'suggest.uses': {
    one: 'Verbraucht Ihr letztes Token.',
    other: 'Verbraucht eines Ihrer {count} Tokens.',
  },
  'suggest.usesOwn': {
    one: 'Verbraucht Ihr letztes Token, das bestätigt, dass Sie im Team {team} arbeiten.',
    other: 'Verbraucht eines Ihrer {count} Tokens, die bestätigen, dass Sie im Team {team} arbeiten.',
  },
  'suggest.privacy':
    'Das Moderationsteam liest ihn, bevor er auf der Pinnwand erscheint. Sie erhalten eine Quittung: Nur mit ihr können Sie Antworten lesen.',

  // Department picker
  'departments.backstage': 'Teams im Hintergrund',
  'departments.frontstage': 'Teams mit Kundenkontakt',

  // PII warnings
  'pii.title': 'Das könnte Sie oder eine andere Person erkennbar machen.',
  'pii.text': 'Das Moderationsteam sieht es zwar vor allen anderen, aber sicherer ist es, es wegzulassen.',
  'pii.looksLike': 'Sieht aus wie {what}:',
  'pii.redact': 'Schwärzen',
  'pii.redactAll': 'Alles schwärzen',
  'pii.email': 'eine E-Mail-Adresse',
  'pii.phone': 'eine Telefonnummer',
  'pii.staff-id': 'eine Personalnummer',
  'pii.branch-number': 'eine Filialnummer',
  'pii.person-name': 'ein Personenname',
  'pii.card-or-account': 'eine Karten- oder Kontonummer',
  'pii.iban': 'eine Bankverbindung (IBAN)',

  // Receipt after sending
  'receipt.title': 'Hier ist Ihre Quittung.',
  'receipt.label': 'Ihre Quittung',
  'receipt.what': 'Ihr Vorschlag',
  'receipt.onlyWay': 'Nur mit dieser Quittung finden Sie zu Ihrem Vorschlag zurück.',
  'receipt.onlyWay.text':
    'Mit ihr lesen Sie die Antworten des Moderationsteams, sehen, warum er veröffentlicht wurde oder nicht, und können antworten. Niemand – nicht einmal Greenroom – weiß, dass Sie es waren, deshalb kann sie Ihnen auch niemand erneut zusenden.',
  'receipt.saved': '✓ In der Wallet dieses Browsers gespeichert (siehe „Meine Vorschläge“).',
  'receipt.notSaved':
    'Dieser Browser konnte sie nicht speichern: Kopieren oder laden Sie sie jetzt herunter.',
  'receipt.clearing':
    'Wenn Sie die Browserdaten löschen oder ein anderes Gerät nutzen, ist die Kopie in der Wallet weg. Bewahren Sie eine zweite Kopie an einem privaten Ort auf.',
  'receipt.copied': 'Kopiert ✓',
  'receipt.copy': 'Quittung kopieren',
  'receipt.download': 'Als Datei herunterladen',
  'receipt.another': 'Weiteren schreiben',
  'receipt.file.title': 'Greenroom-Quittung',
  'receipt.file.sent':
    'Gesendet am {day}. Öffnen Sie Greenroom → „Meine Vorschläge“ → „Quittung hinzufügen“ und fügen Sie sie ein, um Antworten zu lesen und zu beantworten.',
  'receipt.file.private':
    'Wer diese Quittung hat, kann das Gespräch lesen: Bewahren Sie sie an einem privaten Ort auf.',
  'receipt.file.onlyWay':
    'Sie ist der einzige Weg zurück. Greenroom weiß nicht, wer Sie sind, und kann sie deshalb nicht erneut senden.',

  // Outbox
  'outbox.sent': '✓ Gesendet.',
  'outbox.failed': 'Nicht gesendet: {reason}',
  'outbox.queued': 'In diesem Browser vorgemerkt.',
  'outbox.leaves':
    '{what} wird {when} zu einem zufälligen Zeitpunkt gesendet, damit sich der Versand weder Ihrem Besuch noch Ihrer Anmeldung zuordnen lässt. Sie können diese Seite schließen: Gesendet wird beim nächsten Öffnen von Greenroom.',
  'outbox.it': 'Es',
  'outbox.waiting': {
    one: 'Eine anonyme Aktion wartet in diesem Browser und wird zu einem zufälligen Zeitpunkt gesendet.',
    other:
      '{count} anonyme Aktionen warten in diesem Browser und werden zu einem zufälligen Zeitpunkt gesendet.',
  },
  'outbox.notSent': {
    one: 'Eine konnte nicht gesendet werden.',
    other: '{count} konnten nicht gesendet werden.',
  },
  'outbox.seeWallet': 'Zur Wallet',
  'outbox.keyWarning':
    'Der Server von Greenroom hat mit seinen Schlüsseln etwas getan, was ein fairer Server nie tut.',
  'outbox.details': 'Details',
  'outbox.keyLog': 'Schlüsselprotokoll',
  'wait.fewSeconds': 'in wenigen Sekunden',
  'wait.seconds': { one: 'innerhalb von {count} Sekunde', other: 'innerhalb von {count} Sekunden' },
  'wait.minutes': { one: 'innerhalb einer Minute', other: 'innerhalb von {count} Minuten' },
  'wait.hours': { one: 'innerhalb einer Stunde', other: 'innerhalb von {count} Stunden' },

  // Errors
  'error.network': 'Senden nicht möglich. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'error.not_enrolled': 'Dieser Browser ist noch nicht angemeldet.',
  'error.rate_limited': 'Gerade zu viele Anfragen. Warten Sie einen Moment und versuchen Sie es erneut.',
  'error.no_tokens': 'Für diese Aktion ist gerade kein Token mehr übrig.',

  // Wallet
  'wallet.title': 'Ihre Wallet',
  'wallet.lead':
    'Alles hier liegt nur in diesem Browser. Der Server hat keine Kopie und kann nicht erkennen, wem sie gehört.',
  'wallet.kind.suggestion': 'Ein Vorschlag',
  'wallet.kind.kudos': 'Ein Dankeschön',
  'wallet.kind.vote': 'Ein „Ich auch“',
  'wallet.kind.pulse': 'Eine Antwort auf die Pulsbefragung',
  'wallet.kind.seat': 'Ein Platz in einer Fokusgruppe',
  'wallet.kind.handoff': 'Eine Bewertung einer Übergabe',
  'wallet.scope.general': 'Vorschläge, Stimmen und Dankeschöns',
  'wallet.scope.pulse': 'Pulsfrage (eine Antwort)',
  'wallet.scope.seat': 'Platz in einer Fokusgruppe',
  'wallet.receiptKind.kudos': 'Dankeschön',
  'wallet.receiptKind.suggestion': 'Vorschlag',
  'wallet.file.header':
    'Greenroom-Quittungen – bewahren Sie diese Datei privat auf. Jede Quittung öffnet die Antworten auf das, was Sie geschrieben haben.',
  'wallet.forget.confirm':
    'Diese Wallet vergessen? Mitgliedsschlüssel, Tokens und Quittungen werden aus diesem Browser gelöscht und lassen sich nicht wiederherstellen.',
  'wallet.membership': 'Mitgliedschaft',
  'wallet.enrolled': 'Angemeldet',
  'wallet.enrolled.text': 'Dieser Browser kann anonym teilnehmen.',
  'wallet.notEnrolled': 'Nicht angemeldet',
  'wallet.notEnrolled.link': 'Melden Sie sich mit dem Code von Ihrem Willkommensblatt an.',
  'wallet.private':
    'Dieses Fenster speichert nichts, wenn es geschlossen wird: Sichern Sie Ihre Quittungen, bevor Sie gehen.',
  'wallet.warning': 'Warnung:',
  'wallet.warning.tell':
    'Sagen Sie es einer Kollegin, einem Kollegen oder dem Betriebsrat: Ein fairer Server tut so etwas nie.',
  'wallet.outbox': 'Wartet auf den Versand',
  'wallet.outbox.text':
    'Anonyme Aktionen verlassen diesen Browser zu zufälligen Zeitpunkten, nie direkt nach dem Abruf von Tokens, damit der Server sie Ihnen nicht zuordnen kann. Sie können den Tab ruhig schließen: Gesendet wird beim nächsten Öffnen von Greenroom.',
  'wallet.dismiss': 'Ausblenden',
  'wallet.leaves': 'wird {when} gesendet',
  'wallet.tokens': 'Tokens',
  'wallet.fetching': 'Wird abgerufen …',
  'wallet.checkTokens': 'Nach neuen Tokens sehen',
  'wallet.for': 'Wofür',
  'wallet.readyNow': 'Jetzt bereit',
  'wallet.readyNextWeek': 'Nächste Woche',
  'wallet.tokens.text':
    'Jede Aktion verbraucht ein Token. Tokens werden gesammelt, im Voraus und zu zufälligen Zeitpunkten abgerufen, sodass die Nutzung eines Tokens nichts darüber verrät, wann Sie es erhalten haben. Ein Abruf jetzt sendet Ihren Mitgliedsnachweis: Was Sie in den nächsten Minuten tun, wartet dann etwas länger, bevor es gesendet wird.',
  'wallet.tokens.next': 'Nächster Abruf: {when}.',
  'wallet.receipts': 'Quittungen',
  'wallet.downloadAll': 'Alle herunterladen',
  'wallet.noReceipts':
    'Noch keine Quittungen. Wenn Sie einen Vorschlag oder ein Dankeschön senden, erscheint die Quittung hier.',
  'wallet.news': 'Neuigkeiten: „Meine Vorschläge“ öffnen',
  'wallet.copied': 'Kopiert',
  'wallet.copy': 'Kopieren',
  'wallet.download': 'Herunterladen',
  'wallet.receipts.text':
    'Wer eine Quittung hat, kann die Antworten zu diesem Beitrag lesen. Bewahren Sie sie privat auf, etwa in einem Passwort-Manager.',
  'wallet.leaving': 'Verlassen Sie diesen Computer?',
  'wallet.leaving.text':
    'Laden Sie an einem geteilten Computer zuerst Ihre Quittungen herunter und vergessen Sie dann diese Wallet.',
  'wallet.forget': 'Diese Wallet vergessen',

  // Enrol
  'enrol.sso.idp_unavailable':
    'Die Firmenanmeldung antwortet gerade nicht. Versuchen Sie es später erneut oder nutzen Sie den Code von Ihrem Willkommensblatt.',
  'enrol.sso.invalid_state':
    'Diese Anmeldung war abgelaufen oder wurde bereits verwendet. Beginnen Sie mit der Schaltfläche unten neu.',
  'enrol.sso.sign_in_cancelled':
    'Die Anmeldung wurde auf der Seite der Firmenanmeldung abgebrochen. Beginnen Sie neu, wenn Sie so weit sind.',
  'enrol.sso.id_token_invalid':
    'Die Antwort der Firmenanmeldung ließ sich nicht prüfen, deshalb wurde nichts gespeichert. Beginnen Sie neu; wenn es wieder passiert, informieren Sie die IT.',
  'enrol.sso.not_allowed':
    'Ihr Firmenkonto gehört zu keiner Gruppe, die teilnehmen darf. Bitten Sie stattdessen HR um einen Anmeldecode.',
  'enrol.sso.failed':
    'Die Firmenanmeldung hat nicht funktioniert. Versuchen Sie es erneut oder nutzen Sie Ihren Code.',
  'enrol.sso.notCollected':
    'Die Firmenanmeldung ist abgeschlossen, aber diese Seite konnte sie nicht übernehmen. Beginnen Sie neu.',
  'enrol.invalidCode':
    'Dieser Code ist ungültig oder wurde bereits verwendet. Vergleichen Sie ihn mit Ihrem Blatt; bitten Sie bei Bedarf HR um einen neuen.',
  'enrol.tooMany': 'Zu viele Versuche mit diesem Code. Warten Sie 15 Minuten und versuchen Sie es erneut.',
  'enrol.failed':
    'Die Anmeldung ist gerade nicht möglich. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'enrol.title': 'Diesen Browser anmelden',
  'enrol.lead':
    'Geben Sie einmalig den Code von Ihrem Willkommensblatt ein. Dieser Browser erhält dann einen Mitgliedsschlüssel und einen kleinen Vorrat anonymer Tokens – genug, um mitzumachen, ohne dass jemand erkennen kann, dass Sie es waren.',
  'enrol.done': 'Sie sind angemeldet.',
  'enrol.already': 'Dieser Browser ist bereits angemeldet.',
  'enrol.fetching': 'Ihre Tokens werden abgerufen …',
  'enrol.ready': {
    one: '{count} Token bereit für Vorschläge, Stimmen und Dankeschöns.',
    other: '{count} Tokens bereit für Vorschläge, Stimmen und Dankeschöns.',
  },
  'enrol.readyNext': {
    one: '{count} Token bereit für Vorschläge, Stimmen und Dankeschöns, dazu {next} für nächste Woche.',
    other: '{count} Tokens bereit für Vorschläge, Stimmen und Dankeschöns, dazu {next} für nächste Woche.',
  },
  'enrol.openWallet': 'Ihre Wallet öffnen',
  'enrol.serverKnows': 'Was der Server weiß',
  'enrol.company': 'Mit Ihrem Firmenkonto',
  'enrol.company.text':
    'Melden Sie sich einmal bei {provider} an. Greenroom speichert nur einen mit einem Geheimschlüssel gebildeten Hash Ihres Kontos – um Ihnen genau eine Mitgliedschaft zu geben und sie auf ein neues Gerät zu übertragen – und nie Ihren Namen, Ihre E-Mail-Adresse oder Ihre Gruppen.',
  'enrol.company.button': 'Mit {provider} anmelden',
  'enrol.orCode': 'oder mit einem Code',
  'enrol.code': 'Anmeldecode',
  'enrol.code.hint':
    '16 Buchstaben und Ziffern. Bindestriche und Leerzeichen spielen keine Rolle; 0, 1, I, L und O kommen nicht vor.',
  'enrol.enrolling': 'Wird angemeldet …',
  'enrol.button': 'Anmelden',
  'enrol.private':
    'Dieses Browserfenster behält nach dem Schließen keine Daten (ein privates Fenster?). Sie können sich anmelden, aber Ihre Tokens und Quittungen sind weg, sobald Sie es schließen.',
  'enrol.explain': 'Was mit dem Code geschieht',
  'enrol.explain.once':
    'Der Code funktioniert genau einmal. Der Server speichert nur einen Einweg-Hash davon und markiert ihn als verwendet.',
  'enrol.explain.key':
    'Im Gegenzug erhält dieser Browser einen zufälligen Mitgliedsschlüssel. Der Server speichert einen mit einem Geheimschlüssel gebildeten Hash dieses Schlüssels – ohne Verbindung zum Code, ohne Namen und ohne Zeitpunkt.',
  'enrol.explain.tokens':
    'Ihr Schlüssel dient nur dazu, blinde Tokens abzurufen. Ihre späteren Aktionen tragen ein Token, nie den Schlüssel.',

  // Statuses
  'status.new': 'Neu',
  'status.under_review': 'In Prüfung',
  'status.planned': 'Geplant',
  'status.in_progress': 'In Arbeit',
  'status.done': 'Erledigt',
  'status.wont_do': 'Wird nicht umgesetzt',
  'status.pending': 'Wartet auf die Moderation',
  'status.rejected': 'Nicht veröffentlicht',
  'status.published': 'Veröffentlicht',

  // My suggestions
  'mine.lead':
    'Alles, was Sie aus diesem Browser gesendet haben, was daraus geworden ist, und die Antworten des Moderationsteams. Nur die in diesem Browser gespeicherten Quittungen öffnen sie – niemand sonst kann den Inhalt dieser Seite sehen.',
  'mine.empty': 'Noch nichts',
  'mine.empty.text':
    'Wenn Sie einen Vorschlag oder ein Dankeschön senden, wird die Quittung hier aufbewahrt.',
  'mine.add': 'Quittung hinzufügen',
  'mine.add.text':
    'Sie haben eine Quittung auf einem anderen Gerät oder auf Papier? Fügen Sie sie hier ein, um das Gespräch in diesem Browser weiterzuverfolgen.',
  'mine.add.label': 'Quittung',
  'mine.add.open': 'Öffnen',
  'mine.add.notReceipt':
    'Das ist keine Quittung: Eine Quittung besteht aus 26 Buchstaben und Ziffern in fünf Gruppen.',
  'mine.add.already': 'Diese Quittung ist bereits in diesem Browser.',
  'mine.add.gone': 'Zu dieser Quittung gehört kein Gespräch. Prüfen Sie sie auf Tippfehler.',
  'mine.add.error': 'Die Quittung lässt sich gerade nicht prüfen. Versuchen Sie es später erneut.',
  'thread.kudos': 'Dankeschön',
  'thread.suggestion': 'Vorschlag',
  'thread.label': '{kind} vom {day}',
  'thread.news': 'Neu seit Ihrem letzten Besuch',
  'thread.checking':
    'Antworten werden abgefragt … (eine Quittung nach der anderen, zu zufälligen Zeitpunkten, damit sie sich nicht verknüpfen lassen)',
  'thread.queued': 'Wartet noch im Postausgang dieses Browsers auf den Versand.',
  'thread.gone': 'Diese Quittung öffnet kein Gespräch mehr.',
  'thread.remove': 'Aus diesem Browser entfernen',
  'thread.error': 'Dieses Gespräch lässt sich gerade nicht öffnen. Versuchen Sie es später erneut.',
  'thread.redacted': 'Das Moderationsteam hat vor der Veröffentlichung persönliche Angaben entfernt.',
  'thread.reason': 'Warum er nicht veröffentlicht wurde:',
  'thread.response': 'Was wir getan haben:',
  'thread.votes': {
    one: '{count} Person hat „Ich auch“ gesagt.',
    other: '{count} Personen haben „Ich auch“ gesagt.',
  },
  'thread.conversation': 'Gespräch mit dem Moderationsteam',
  'thread.answer': 'Dem Moderationsteam antworten (anonym)',
  'thread.showReceipt': 'Quittung anzeigen',
  'thread.hideReceipt': 'Quittung ausblenden',
  'messages.you': 'Sie',
  'messages.moderator': 'Moderation',
  'messages.author': 'Verfasser/in (anonym)',
  'messages.none': 'Noch keine Nachrichten.',
  'messages.label': 'Gespräch',
  'reply.failed': 'Die Antwort konnte nicht gesendet werden.',
  'reply.send': 'Antwort senden',

  // Board
  'board.lead':
    'Jeder veröffentlichte Vorschlag, was daraus geworden ist und wie viele Personen „Ich auch“ gesagt haben.',
  'board.loadFailed': 'Die Pinnwand konnte nicht geladen werden.',
  'board.voteFailed': 'Ihre Stimme konnte nicht gezählt werden.',
  'board.hideFilters': 'Filter ausblenden',
  'board.filters': 'Filter',
  'board.filtersOn': 'Filter ({count} aktiv)',
  'board.sort': 'Sortierung',
  'board.sort.new': 'Neueste zuerst',
  'board.sort.top': 'Meiste Unterstützung',
  'board.team': 'Betroffenes Team',
  'board.team.all': 'Alle Teams',
  'board.status': 'Status',
  'board.status.any': 'Jeder Status',
  'board.voices': 'Stimmen aus:',
  'board.voices.other': 'Andere Teams oder ohne Angabe',
  'board.voices.hint': 'Kleine Teams werden nie einzeln gezeigt, damit niemand herausgegriffen werden kann.',
  'board.total': { one: '{count} Vorschlag', other: '{count} Vorschläge' },
  'board.empty': 'Hier ist noch nichts',
  'board.empty.text': 'Keine veröffentlichten Vorschläge passen zu diesen Filtern.',
  'board.enrol': 'Melden Sie diesen Browser an, um „Ich auch“ zu sagen:',
  'board.enrol.link': 'jetzt anmelden',
  'card.about': 'Betrifft {team}',
  'card.from': 'aus {team}',
  'card.redacted': 'Vom Moderationsteam bearbeitet, um persönliche Angaben zu entfernen.',
  'card.weDid': 'Was wir getan haben:',
  'card.spends': 'Verbraucht ein Token',
  'card.enrolToVote': 'Melden Sie sich an, um Ihre Stimme abzugeben',
  'card.voted': '✓ Ich auch',
  'card.adding': 'Wird gezählt …',
  'card.vote': '+ Ich auch',
  'card.people': { one: '{count} Person', other: '{count} Personen' },
  'pages.label': 'Seiten',
  'pages.previous': '← Zurück',
  'pages.of': 'Seite {page} von {pages}',
  'pages.next': 'Nächste Seite →',

  // Kudos
  'kudos.lead':
    'Teams im Hintergrund hören selten ein „Danke“. Erzählen Sie ihnen, wie sie einer Kundin, einem Kunden oder einer Kollegin geholfen haben – anonym.',
  'kudos.recent': 'Neueste Geschichten',
  'kudos.empty': 'Noch keine Geschichten',
  'kudos.empty.text': 'Bedanken Sie sich als Erste oder Erster bei einem Team.',
  'kudos.notEnrolled.link': 'Melden Sie sich mit Ihrem Code an,',
  'kudos.notEnrolled.after': 'um ein Dankeschön zu senden.',
  'kudos.team': 'Welches Team hat geholfen?',
  'kudos.team.none': 'Team auswählen …',
  'kudos.story': 'Was hat das Team getan, und für wen?',
  'kudos.placeholder':
    'z. B. Die Kreditprüfung hat die Baufinanzierung einer selbstständigen Kundin in zwei Tagen bearbeitet, so dass sie ihren Hauskauf nicht verloren hat …',
  'kudos.length': '{length} / {max}',
  'kudos.send': 'Dankeschön anonym senden',
  'kudos.sent': 'Vielen Dank – Ihr Dankeschön ist unterwegs.',
  'kudos.sent.text':
    'Das Moderationsteam liest es, bevor es erscheint. Bewahren Sie diese Quittung auf, um Antworten zu lesen:',
  'kudos.what': 'Ihr Dankeschön',
  'kudos.saved': '✓ In der Wallet dieses Browsers gespeichert.',
  'kudos.notSaved': 'Dieser Browser konnte sie nicht speichern: Kopieren Sie sie jetzt.',
  'kudos.nobody': 'Niemand kann sie Ihnen erneut zusenden – Greenroom weiß nicht, dass Sie es waren.',
  'kudos.myReceipts': 'Meine Quittungen',
  'kudos.another': 'Einem weiteren Team danken',
  'kudos.to': 'An {team}',
  'kudos.backstage': 'Hintergrund',
  'kudos.featured': '★ hervorgehoben',
  'kudos.redacted': 'Vom Moderationsteam leicht bearbeitet, damit alle anonym bleiben.',
  'kudos.recognition': 'Anerkennung in diesem Monat',
  'kudos.recognition.text':
    'Veröffentlichte Dankeschöns pro Team in den letzten 30 Tagen (seit {day}). Teams im Hintergrund sind hervorgehoben.',
  'kudos.hidden': 'ausgeblendet: weniger als {k}',
  'kudos.hidden.title': 'Weniger als {k} oder ausgeblendet, damit es sich nicht herleiten lässt',
  'kudos.noneYet': 'noch keine',
  'kudos.recognition.k':
    'Zahlen unter {k} werden nie gezeigt, damit kein kleines Team herausgegriffen werden kann.',
  'kudos.month.hidden': 'ausgeblendet (weniger als {k})',

  // Pulse
  'pulse.title': 'Wöchentliche Pulsbefragung',
  'pulse.lead':
    'Eine Frage pro Woche. Ein Klick. Niemand kann erkennen, welche Antwort von Ihnen stammt, und gezeigt werden nur Gruppen ab fünf Personen.',
  'pulse.open': 'Jetzt offen',
  'pulse.results': 'Ergebnisse',
  'pulse.pick': 'Befragung',
  'pulse.range': '({from} – {to}, Wert {score})',
  'pulse.ends.nps.low': 'Überhaupt nicht wahrscheinlich',
  'pulse.ends.nps.high': 'Äußerst wahrscheinlich',
  'pulse.ends.agree.low': 'Stimme überhaupt nicht zu',
  'pulse.ends.agree.high': 'Stimme voll zu',
  'pulse.meaning.notLikely': 'nicht wahrscheinlich',
  'pulse.meaning.somewhat': 'eher wahrscheinlich',
  'pulse.meaning.very': 'sehr wahrscheinlich',
  'pulse.meaning.1': 'stimme überhaupt nicht zu',
  'pulse.meaning.2': 'stimme nicht zu',
  'pulse.meaning.3': 'weder noch',
  'pulse.meaning.4': 'stimme zu',
  'pulse.meaning.5': 'stimme voll zu',
  'pulse.scale': 'Ihre Antwort, von „{from}“ bis „{to}“',
  'pulse.answer': 'Antwort {value}',
  'pulse.confirm': 'Antwort bestätigen',
  'pulse.picked': 'Ihre Wahl:',
  'pulse.once': 'Sie wird einmal gesendet und lässt sich nicht mehr ändern.',
  'pulse.withComment': ', mit Kommentar',
  'pulse.team':
    'Zählt in der Auswertung für {team}, die nur erscheint, wenn genügend Personen aus {team} geantwortet haben.',
  'pulse.send': 'Antwort {value} senden',
  'pulse.change': 'Ändern',
  'pulse.comment': 'Kommentar (optional, wird mit Ihrer Antwort gesendet)',
  'pulse.comment.pii': 'Das könnte Sie oder eine andere Person erkennbar machen: {found}. Lieber weglassen?',
  'pulse.comment.add': 'Vorher einen Kommentar hinzufügen',
  'pulse.enrol.link': 'Melden Sie diesen Browser an,',
  'pulse.enrol.after': 'um zu antworten.',
  'pulse.notSent': 'Ihre Antwort wurde nicht gesendet: {reason}',
  'pulse.queued':
    'Vielen Dank – Ihre Antwort ist in diesem Browser vorgemerkt und wird {when} zu einem zufälligen Zeitpunkt gesendet, damit sie sich Ihrem Besuch nicht zuordnen lässt. Sie können diese Seite schließen.',
  'pulse.in':
    'Vielen Dank – Ihre Antwort ist angekommen. Die Ergebnisse werden geteilt, wenn die Befragung am {day} endet.',
  'pulse.in.everyone':
    'Vielen Dank – Ihre Antwort ist angekommen. Die Ergebnisse werden mit allen geteilt, wenn die Befragung am {day} endet.',
  'pulse.answers': 'Antworten',
  'pulse.enps': 'eNPS (Promotoren 9–10 minus Kritiker 0–6)',
  'pulse.average15': 'Durchschnitt (1–5)',
  'pulse.releasedOnClose': 'Wird veröffentlicht, wenn die Befragung endet.',
  'pulse.shownFrom': 'Angezeigt ab {k} Antworten.',
  'pulse.notReleased':
    'Die Zahlen werden einmalig veröffentlicht, wenn die Befragung am {day} endet. Ergebnisse, die sich mit jeder Antwort ändern, würden es erlauben, durch einen Blick vor und nach der Antwort einer Kollegin oder eines Kollegen deren Antwort herauszufinden. Bis dahin werden deshalb nur die Zahl der Antworten und die Kommentare (ab {k} Antworten) gezeigt.',
  'pulse.distribution': 'Verteilung',
  'pulse.trend': 'Verlauf',
  'pulse.breakdown': 'Aufschlüsselung',
  'pulse.comments': 'Kommentare',
  'pulse.comments.hidden': 'Kommentare erscheinen, sobald mindestens {k} Personen geantwortet haben.',
  'pulse.comments.none': 'Keine Kommentare.',
  'pulse.possible': 'möglicherweise {what}',
  'pulse.distribution.label': 'Verteilung der Antworten',
  'pulse.distribution.cell': '{count} haben mit {key} geantwortet',
  'pulse.distribution.hatched':
    'Schraffiert: ausgeblendet – weniger als {k} Antworten oder ausgeblendet, damit es sich nicht aus den übrigen herleiten lässt.',
  'pulse.trend.label': 'Wert pro Woche: {points}',
  'pulse.trend.hidden': 'ausgeblendet',
  'pulse.trend.gaps': 'Lücken: Wochen mit weniger Antworten als die Mindestgruppengröße.',
  'pulse.breakdown.caption':
    'Nach Abteilung, belegt durch den Anmeldecode jedes Mitglieds (eine Antwort pro Person). Gruppen unter {k} Personen werden ausgeblendet.',
  'pulse.breakdown.department': 'Abteilung',
  'pulse.breakdown.average': 'Durchschnitt',
  'pulse.breakdown.notStated': 'Keine Angabe',
  'pulse.breakdown.none': 'Niemand hat eine Abteilung angegeben.',

  // Themes
  'themes.title': 'Aktuelle Themen',
  'themes.lead':
    'Was Kolleginnen und Kollegen im ganzen Unternehmen ansprechen, nach Thema gruppiert – gebildet aus veröffentlichten Vorschlägen, Dankeschöns, Kommentaren zu Pulsbefragungen und Protokollen von Fokusgruppen. Nichts hier trägt einen Namen.',
  'themes.explain':
    '„Steigend“ heißt: in den letzten 14 Tagen deutlich häufiger genannt als zuvor; „abnehmend“: in den letzten 28 Tagen deutlich seltener. Stand: {day}.',
  'themes.loadFailed': 'Die Themen konnten nicht geladen werden.',
  'themes.empty': 'Noch keine Themen',
  'themes.empty.text': 'Themen erscheinen, sobald genügend Beiträge veröffentlicht wurden.',
  'themes.keywords': 'Stichwörter',
  'themes.moreQuotes': 'Mehr in den Worten der Kolleginnen und Kollegen',
  'themes.sparkline': '{label}: {count} Beiträge vom {from} bis {to}',
  'themes.sparkline.none': '{label}: keine Daten',
  'trend.emerging': 'Neu',
  'trend.emerging.hint': 'Neu: vor den letzten vier Wochen kaum genannt, jetzt deutlich präsent.',
  'trend.rising': 'Steigend',
  'trend.rising.hint': 'In den letzten zwei Wochen deutlich häufiger genannt als zuvor.',
  'trend.steady': 'Gleichbleibend',
  'trend.steady.hint': 'Keine deutliche Veränderung.',
  'trend.fading': 'Abnehmend',
  'trend.fading.hint': 'In den letzten vier Wochen deutlich seltener genannt als zuvor.',
  'trend.recent': {
    one: '{count} Beitrag in den letzten zwei Wochen',
    other: '{count} Beiträge in den letzten zwei Wochen',
  },
  'trend.same': {
    one: '{count} Beitrag in den letzten zwei Wochen, genauso viele wie davor ({before})',
    other: '{count} Beiträge in den letzten zwei Wochen, genauso viele wie davor ({before})',
  },
  'trend.up': {
    one: '{count} Beitrag in den letzten zwei Wochen, mehr als davor ({before})',
    other: '{count} Beiträge in den letzten zwei Wochen, mehr als davor ({before})',
  },
  'trend.down': {
    one: '{count} Beitrag in den letzten zwei Wochen, weniger als davor ({before})',
    other: '{count} Beiträge in den letzten zwei Wochen, weniger als davor ({before})',
  },
  'sentiment.title': 'Stimmung {score} (−1 sehr negativ … 1 sehr positiv)',
  'sentiment.veryNegative': 'Sehr negativ',
  'sentiment.negative': 'Negativ',
  'sentiment.mixed': 'Gemischt',
  'sentiment.positive': 'Positiv',
  'sentiment.veryPositive': 'Sehr positiv',

  // Focus groups
  'groups.lead':
    'Live moderierte Gespräche über Dinge, die sich in einer Besprechung schwer ansprechen lassen. Sie nehmen mit einem einmaligen Token Platz und erhalten ein Pseudonym nur für diese Sitzung – niemand, nicht einmal die Moderation, kann erkennen, wer Sie sind.',
  'groups.unreachable': 'Der Server ist nicht erreichbar.',
  'groups.full': 'Alle Plätze sind belegt.',
  'groups.seatFailed': 'Kein Platz verfügbar. Versuchen Sie es gleich noch einmal.',
  'groups.empty': 'Nichts geplant',
  'groups.empty.text': 'Sobald die Moderation eine Sitzung plant, erscheint sie hier.',
  'groups.enter': 'Raum betreten',
  'groups.as': 'als {pseudonym}',
  'groups.enrol': 'Anmelden, um teilzunehmen',
  'groups.fullPill': 'Voll',
  'groups.taking': 'Platz wird reserviert …',
  'groups.take': 'Platz nehmen',
  'groups.waiting':
    'Ihre Platzanfrage wird {when} gesendet: Die kurze Wartezeit hält sie von Ihrer Mitgliedschaft getrennt.',
  'groups.live': 'Jetzt live',
  'groups.upcoming': 'Demnächst',
  'groups.seats': {
    one: '{count} von {capacity} Plätzen frei',
    other: '{count} von {capacity} Plätzen frei',
  },
  'groups.pre': 'die Moderation liest jede Nachricht, bevor der Raum sie sieht',
  'groups.post': 'Nachrichten erscheinen sofort',

  // Journeys
  'journeys.title': 'Kundenwege',
  'journeys.lead':
    'Was die Kundin oder der Kunde tut, wem sie begegnen, und welche Teams, Systeme und Richtlinien im Hintergrund hinter jeder Etappe stehen – überlagert mit dem, was Greenroom über jedes Team hört.',
  'journeys.failed': 'Die Kundenwege konnten nicht geladen werden.',
  'journeys.empty': 'Noch keine Kundenwege',
  'journeys.empty.text':
    'Eine Administratorin oder ein Administrator kann den ersten unter Admin → Journeys anlegen.',
  'journeys.stages': 'Etappen',

  // A team's page
  'team.none': 'Dieses Team gibt es nicht.',
  'team.failed': 'Dieses Team konnte nicht geladen werden.',
  'team.kind.backstage': 'Hintergrund',
  'team.kind.frontstage': 'Kundenkontakt',
  'team.thank': '{team} danken',
  'team.digest': 'Die Stimme der Kunden diese Woche →',
  'team.months': 'Dankeschöns pro Monat',
  'team.total': {
    one: '{count} in den letzten sechs Monaten.',
    other: '{count} in den letzten sechs Monaten.',
  },
  'team.months.text':
    'Jede Geschichte unten wird mit ihrem Datum veröffentlicht, deshalb wird die Monatszahl unverändert gezeigt: Einen kleinen Monat auszublenden, würde niemanden schützen.',
  'team.themes': 'Was über {team} gesagt wird',
  'team.themes.text':
    'Themen aus veröffentlichten Vorschlägen, Dankeschöns, Kommentaren zu Pulsbefragungen und Fokusgruppen, die dieses Team betreffen. Ein Thema erscheint hier erst, wenn mindestens {k} Beiträge über das Team dazugehören.',
  'team.themes.empty': 'Noch keine Themen zu diesem Team',
  'team.themes.empty.text':
    'Themen erscheinen hier, sobald genügend veröffentlichte Beiträge dieses Team betreffen.',
  'team.stories': 'Geschichten',
  'team.stories.empty.text':
    'Hier hat sich noch niemand bei diesem Team bedankt. Sie könnten die erste Person sein.',

  // Rate a handoff
  'handoff.lead':
    'Sie haben mit einem Team im Hintergrund an einem Kundenanliegen gearbeitet? Sagen Sie, wie es lief. Eine Bewertung pro Team und Woche; niemand kann erkennen, dass sie von Ihnen stammt, und der Wert eines Teams erscheint erst, wenn mindestens fünf Personen es bewertet haben.',
  'handoff.thanks': 'Vielen Dank',
  'handoff.leaves':
    'Ihre Bewertung für {team} verlässt diesen Browser in Kürze, zu einem zufälligen Zeitpunkt.',
  'handoff.kudos': 'Ihr Dankeschön geht wie jede Geschichte zuerst an das Moderationsteam.',
  'handoff.another': 'Ein weiteres Team bewerten',
  'handoff.team': 'Team',
  'handoff.about': 'Worum ging es? (optional)',
  'handoff.effort': 'Wie leicht war es, das Nötige zu bekommen?',
  'handoff.effort.value': 'Aufwand {value}',
  'handoff.effort.low': 'Sehr schwer',
  'handoff.effort.high': 'Sehr leicht',
  'handoff.outcome': 'Wie ist es für die Kundin oder den Kunden ausgegangen?',
  'handoff.outcome.value': 'Ergebnis {value}',
  'handoff.outcome.low': 'Schlecht',
  'handoff.outcome.high': 'Sehr gut',
  'handoff.comment': 'Kommentar (optional)',
  'handoff.deserves': 'Das verdient ein Dankeschön (Ihr Kommentar wird zu einer Geschichte für das Team)',
  'handoff.storyLength': 'Eine Dankeschön-Geschichte braucht mindestens 20 Zeichen.',
  'handoff.enrol.after': 'um zu bewerten.',
  'handoff.send': 'Bewertung senden',
  'wallet.scope.team': 'Vorschläge mit der Angabe, dass Sie im Team {team} arbeiten',
  'wallet.scope.pulseTeam': 'Pulsfrage, gezählt für {team} (eine Antwort)',

  // Who enrolled, team by team
  'enrolled.failed': 'Die Anmeldezahlen konnten nicht geladen werden.',
  'enrolled.lead.before':
    'Jeder Anmeldecode wird für genau eine Abteilung erzeugt. Eine Angabe wie „aus der Rechtsabteilung“ oder die Zeile eines Teams in den Ergebnissen einer Pulsbefragung erscheint erst, wenn genügend Personen den Beitrag geschrieben haben',
  'enrolled.lead.could': 'könnten',
  'enrolled.lead.after':
    '– die angemeldeten Mitglieder des Teams. Der einzige Weg, Sie herauszugreifen, wäre also, Ihr Team mit erfundenen Mitgliedern aufzufüllen. Diese Seite zeigt jeden Code, den ein Admin erzeugt hat, und jeden, der verwendet wurde, Woche für Woche – so können Sie prüfen, ob die Zahlen zu Ihrem Team passen.',
  'enrolled.region': 'Erzeugte und verwendete Codes pro Abteilung und Woche',
  'enrolled.caption': 'Wochen beginnen am Montag (UTC). ▮ in der Woche verwendete Codes, ▯ erzeugte Codes.',
  'enrolled.department': 'Abteilung',
  'enrolled.members': 'Mitglieder',
  'enrolled.minted': 'Erzeugte Codes',
  'enrolled.weeks': 'Letzte {weeks} Wochen',
  'enrolled.noDepartment': 'Ohne Abteilung',
  'enrolled.padding': 'Woran man Auffüllen erkennt',
  'enrolled.padding.members': 'Mehr Mitglieder, als Ihr Team Personen hat.',
  'enrolled.padding.batch':
    'Ein Stapel Codes für ein kleines Team, alle innerhalb weniger Tage verwendet, obwohl niemand neu dazugekommen ist.',
  'enrolled.padding.week': 'Codes, die in einer Woche erzeugt wurden, in der niemand welche ausgegeben hat.',
  'enrolled.ask':
    'Fragen Sie Ihre Führungskraft oder die Greenroom-Admins, wenn etwas nicht aufgeht. Die Aktionen der Admins werden mit Namen protokolliert; Mitglieder werden nie mit dem Code verknüpft, den sie verwendet haben.',
  'weeks.entry': 'Woche ab {week}: {minted} erzeugt, {used} verwendet',
  'weeks.title': 'Woche ab {week}: {minted} erzeugt, {used} verwendet',
  'weeks.none': 'keine Codes erzeugt oder verwendet',
  'weeks.earlier': { one: '+ {count} frühere Woche', other: '+ {count} frühere Wochen' },
} satisfies Dictionary;
