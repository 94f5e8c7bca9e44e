import type { CommentBank } from './bank.js';

/** Swedish: the shop's Swedish-speaking customers. */
export const sv: CommentBank = {
  topics: {
    shop: {
      positive: [
        'Personalen gav riktigt bra råd om vilka blommor som passar till en 80-årsdag.',
        'Buketten var jättefin och blommorna höll i över en vecka.',
        'Alltid lika vänligt bemötande, och buketterna binds på plats efter önskemål.',
        'Jag fick tips om hur jag ska sköta min orkidé, och den blommar fortfarande.',
        'Begravningsbuketten gjordes med kort varsel och precis som vi önskade. Mycket finkänslig personal.',
        'Brudbuketten och borddekorationerna var perfekta.',
        'Fräscha tulpaner och vettiga priser.',
        'Bra service på svenska, det uppskattar jag.',
      ],
      neutral: [
        'Fina blommor, men kön var lång och jag väntade nästan en kvart.',
        'Helt okej bukett, lite dyr för storleken.',
        'Vänlig personal, men sortimentet var tunt på eftermiddagen.',
        'Rosorna var bra, men två hängde redan tredje dagen.',
        'Bra butik, men öppettiderna kunde vara längre på vardagar.',
        'Trevlig betjäning, men det var svårt att få service på svenska.',
      ],
      negative: [
        'Rosorna jag köpte hade vissnat redan nästa morgon.',
        'Jag fick vänta länge och ingen hälsade ens när jag kom in.',
        'Begravningskransen var inte färdig i tid, vilket var väldigt jobbigt i en sådan situation.',
        'Priserna har stigit mycket och buketterna har blivit mindre.',
        'Jag bad om pastellfärger men fick en bukett i helt andra färger.',
        'Personalen var stressad och otrevlig.',
      ],
    },
    web: {
      positive: [
        'Lätt att beställa i nätbutiken och blommorna kom fram samma dag som utlovat.',
        'Buketten såg ännu finare ut i verkligheten än på bilden.',
        'Jag skickade blommor till min mamma i en annan stad och hon ringde genast, jätteglad.',
        'Jag fick ett sms när blommorna var levererade. Precis sådan information jag vill ha.',
        'Smidig beställning med mobilen, och man kunde välja leveranstid.',
        'Hälsningen på kortet var handskriven, en fin detalj.',
      ],
      neutral: [
        'Buketten var okej men mindre än på bilden.',
        'Beställningen gick bra, men leveransavgiften överraskade i kassan.',
        'Blommorna kom fram, men jag fick ingen bekräftelse på leveransen.',
        'Nätbutiken fungerar, men den är lite klumpig på mobilen.',
        'En del texter i nätbutiken fanns bara på finska.',
      ],
      negative: [
        'Buketten såg inte alls ut som på bilden. En besvikelse.',
        'Betalningen drogs två gånger och det tog en vecka att få tillbaka pengarna.',
        'Jag fick aldrig någon orderbekräftelse och visste inte om beställningen gått igenom.',
        'Blommorna levererades till fel adress fast adressen var rätt i beställningen.',
        'Födelsedagsbuketten kom utan kort, så mottagaren visste inte vem den var från.',
      ],
    },
    delivery: {
      positive: [
        'Budet ringde i förväg och bar blommorna ända fram till dörren.',
        'Blommorna kom exakt på utlovad tid och var väl förpackade.',
        'Buketten låg i vattenpåse och var helt fräsch trots kylan.',
        'Begravningsblommorna levererades i god tid till kapellet.',
        'Mottagaren blev överlycklig, blommorna var i perfekt skick.',
        'Snabb leverans: jag beställde på morgonen och blommorna var framme på eftermiddagen.',
      ],
      neutral: [
        'Leveransen var lite sen, men blommorna var fina.',
        'Budet ringde inte innan, så grannen tog emot blommorna.',
        'Fina blommor, men förpackningen var lite tilltufsad.',
        'En ros hade gått av under transporten, annars bra.',
      ],
      negative: [
        'Buketten hade frusit eftersom den lämnades utanför dörren i minusgrader.',
        'Budet lämnade blommorna i trapphuset utan att säga till någon.',
        'Vasen hade spruckit och det var vatten överallt i kartongen.',
        'Arrangemanget hade vält under transporten och såg sorgligt ut.',
      ],
    },
    service: {
      positive: [
        'Jag fick svar på mejlet inom en timme och ärendet löstes direkt.',
        'Det gick utan problem att ändra leveransadressen samma morgon.',
        'Kundtjänsten bad om ursäkt för felet och skickade genast en ny bukett.',
        'Reklamationen behandlades snabbt och pengarna kom tillbaka nästa dag.',
        'Tydligt svar där det stod exakt vad som händer härnäst.',
        'Kundtjänsten ringde själv när leveransen blev försenad. Det uppskattar jag.',
        'Bra service på svenska i telefon.',
      ],
      neutral: [
        'Ärendet löstes, men jag fick vänta två dagar på svar.',
        'Jag fick hjälp, men var tvungen att uppge ordernumret tre gånger.',
        'Svaret var artigt men lite svävande.',
        'Gottgörelse utlovades, men jag vet inte när den kommer.',
      ],
      negative: [
        'Jag skickade tre mejl innan någon svarade.',
        'Jag bollades mellan budfirman och butiken, och ingen tog ansvar.',
        'Ingen svarade i telefon och på mejlet kom bara ett automatsvar.',
        'Inget har hörts om min reklamation på två veckor.',
        'Kundtjänsten svarade bara på finska, fast jag skrev på svenska.',
      ],
    },
  },
  late: [
    'Budet var tre timmar sent och blommorna kom först efter kalaset.',
    'Den utlovade leveranstiden överskreds rejält och ingen meddelade om förseningen.',
    'Enligt bekräftelsen skulle blommorna vara framme före kl. 12, de kom först efter sex.',
    'Budfirman svarade inte i telefon och blommorna var sena hela dagen.',
    'Budet sade att de hade för få bilar i rusningen. Jag förstår, men sent är sent.',
  ],
  seasons: {
    valentine: {
      positive: ['Alla hjärtans dag-rosorna var underbara och min fru blev jätteglad.'],
      negative: ['På alla hjärtans dag var de röda rosorna slut redan vid lunch.'],
      late: ['Rosorna till alla hjärtans dag kom först dagen efter.'],
    },
    mothers: {
      positive: ['Mamma blev så glad över morsdagsbuketten!'],
      negative: ['Dagen före morsdag var det kaos i butiken och nästan allt var slut.'],
      late: [
        'Morsdagsblommorna kom först på kvällen fast jag beställde förmiddagsleverans en vecka innan.',
      ],
    },
    christmas: {
      positive: ['Julblommorna höll ända till trettondagen!'],
      negative: ['Före jul var butiken så full att man inte fick någon service alls.'],
      late: [
        'Amaryllisen som skulle komma till julafton kom först på eftermiddagen när gästerna redan var där.',
      ],
    },
    graduation: {
      positive: ['Studentbuketten var jättefin och färdig i tid på dimissionsmorgonen.'],
      negative: ['Rosen till studentfesten hade hängt sig redan före festen.'],
    },
  },
  closers: {
    positive: ['Tack!', 'Rekommenderas varmt.', 'Jag kommer definitivt tillbaka.'],
    neutral: ['Annars helt okej.', 'Jag ger er en chans till.'],
    negative: ['Tråkigt.', 'Jag beställer inte igen.', 'Hoppas ni tar tag i det här.'],
  },
};
