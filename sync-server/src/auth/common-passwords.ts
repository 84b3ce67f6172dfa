/**
 * Passwords people pick first, written from memory of the usual leaked-password rankings
 * (English, French and a few other languages), keyboard walks, names, years and their obvious
 * variants. Most are shorter than the minimum length already; they stay because
 * `isCommonPassword` also catches them with digits or symbols appended ("soleil2024!").
 * Lower case, NFC, separated by whitespace: a template string keeps ~1700 entries readable.
 */
const LIST = `
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball
abc123 football monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890
michael 654321 superman 1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan
jennifer zxcvbnm asdfgh hunter buster soccer harley batman andrew tigger sunshine iloveyou 2000
charlie robert thomas hockey ranger daniel starwars klaster 112233 george computer michelle
jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom 777777 pass maggie 159753 aaaaaa
ginger princess joshua cheese amanda summer love ashley 6969 nicole chelsea biteme matthew
access yankees 987654321 dallas austin thunder taylor matrix william corvette hello martin
heather secret merlin diamond 1234qwer gfhjkm hammer silver 222222 88888888 anthony justin test
bailey q1w2e3r4t5 patrick internet scooter orange 11111 golfer cookie richard samantha bigdog
guitar jackson whatever mickey chicken sparky snoopy maverick phoenix camaro peanut morgan
welcome falcon cowboy ferrari samsung andrea smokey steelers joseph mercedes dakota arsenal
eagles melissa boomer booboo spider nascar monster tigers yellow xxxxxx 123123123 gateway marina
diablo bulldog qwer1234 compaq purple hardcore banana junior hannah 123654 porsche lakers iceman
money cowboys 987654 london tennis 999999 ncc1701 coffee scooby 0000 miller boston q1w2e3r4
brandon yamaha chester mother forever johnny edward 333333 oliver redsox player nikita knight
fender barney midnight please brandy chicago badboy slayer rangers charles angel flower bigdaddy
rabbit wizard jasper enter rachel chris steven winner adidas victoria natasha 1q2w3e4r jasmine
winter prince marine ghbdtn fishing cocacola casper james 232323 raiders 888888 marlboro gandalf
asdfasdf crystal 87654321 12344321 golden 8675309 panther lauren angela thx1138 angels madison
winston shannon mike toyota jordan23 canada sophie apples tiger gregory sandra maxwell grace
hottie 123abc 1q2w3e 1q2w3e4r5t 1qazxsw2 qwerty123 password1 password123 passw0rd p@ssw0rd
p@ssword pa55word pa$$word admin admin123 administrator root toor changeme default guest user
login welcome1 welcome123 letmein1 iloveyou1 iloveyou2 loveyou lovely loveme princess1 monkey1
dragon1 football1 baseball1 superman1 batman1 shadow1 master1 sunshine1 qwerty1 abc1234 abcd1234
abcdef abcdefg abcdefgh abcdefghij abcabc aaaaaaaa aaaaaaaaaa 1234512345 123456a 123456aa
a123456 a12345 aa123456 123456q 1234abcd zaq12wsx zaq1zaq1 asdf1234 asdfghjkl asdfghjk zxcvbnm1
qwertyui qwertyu qweasd qweasdzxc qazwsxedc 1qaz2wsx3edc q1w2e3 qwe123 123qweasd 1234asdf
0987654321 9876543210 0123456789 01234567 12341234 123412345 11223344 1122334455 12121212
123454321 10203040 102030 147258369 147258 159357 147852369 741852963 963852741 123789 456789
789456 789456123 456123 321654 112211 12345678910 1234554321 1111111111 2222222222 0000000000
00000000 9999999999 1212121212 5555555555 7777777777 qwertyuiop1 azertyuiop azerty azerty123
azerty1 azertyui azertyu azer1234 azerty1234 azertyuiop1 aqwzsx wxcvbn wxcvbn123 qsdfghjklm
qsdfgh azeqsd motdepasse motdepasse1 motdepasse123 mot2passe mdp123 mdpmdp soleil soleil1
soleil123 doudou doudou1 doudou123 chouchou chouchou1 loulou loulou1 marseille marseille13 paris
paris75 parisien bonjour bonjour1 bonjour123 coucou coucou1 coucou123 jetaime jetaime1
jetaime123 jtm123 amour amour1 amour123 amoureux chocolat chocolat1 nicolas nicolas1 camille
julien thomas1 alexandre maxime antoine guillaume sebastien sebastien1 stephane christophe
frederic francois olivier philippe laurent vincent jerome pierre jeanne juliette celine sandrine
nathalie isabelle stephanie aurelie emilie caroline valerie sylvie veronique christine catherine
patricia martine francoise monique brigitte dominique pascal didier thierry bernard michel
jacques alain patrick1 marion manon chloe clement lucas hugo louis arthur jules gabriel raphael
leo nathan enzo mathis theo tom noah emma lea ines sarah jade louise alice lina mila rose lucie
anna zoe elodie pauline justine laura melanie audrey marine1 morgane clementine charlotte
mathilde oceane anais romain quentin florian kevin jeremy mickael anthony1 benjamin jonathan
dylan loic yannick cedric fabrice franck arnaud bruno eric pascale virginie sophie1 celine1
nounours nounou papa maman mamie papy papa123 maman123 famille bebe bebe123 cheval chien chat
chaton minou minette titi toto toto123 tata tutu lolo lili nana nono mimi fifi kiki coco cocotte
poupou pupuce puce pitchoun bisous bisou cherie cheri mamour moncoeur tresor princesse
princesse1 chouquette caramel vanille fraise framboise cerise pomme banane citron tomate
bretagne normandie toulouse lyon bordeaux nantes lille nice strasbourg montpellier rennes
grenoble marseille1 olympique om13 psg psg75 allezlom allezparis france france1 france123
frenchie liberte libellule papillon etoile lumiere nuage ciel arcenciel printemps ete automne
hiver noel vacances plage soleil2 musique guitare football2 rugby tennis1 basket velo voiture
moto camion avion bateau maison jardin fleur fleurs rose1 tulipe marguerite cocorico fromage
baguette croissant pastis ricard pernod biere vodka whisky zidane platini mbappe griezmann
benzema henry thierryhenry ronaldo messi neymar ronaldinho barcelona realmadrid juventus
liverpool manchester chelsea1 arsenal1 tottenham everton celtic rangers1 manutd mufc lfc
dinosaure dauphin lapin tigre lion panthere loup renard ours aigle faucon dragon123 licorne fee
sorciere magie merlin1 harrypotter hermione poudlard pokemon pikachu mario zelda sonic minecraft
fortnite roblox naruto sasuke goku dragonball onepiece luffy sakura hello123 hellokitty kitty
kitten puppy doggy doggie snowball snoopy1 pookie pooh winnie teddy teddybear bubbles butterfly
flowers sunflower rainbow unicorn angel1 angels1 heaven jesus jesus1 christ god godisgood
blessed blessing faith hope grace1 trinity matrix1 neo morpheus zion starwars1 yoda jedi
skywalker vader darthvader chewbacca r2d2 c3po startrek spock kirk enterprise ncc1701d batman123
superman123 spiderman ironman hulk thor captain avengers marvel wolverine xmen joker gotham
robin catwoman wonderwoman flash aquaman pokemon1 charizard mewtwo digimon yugioh zelda1 link
triforce hyrule warcraft starcraft diablo2 counter counterstrike halo masterchief playstation
xbox nintendo gameboy sega atari gamer gaming lol league warhammer tolkien gandalf1 frodo hobbit
aragorn legolas sauron mordor computer1 internet1 windows linux ubuntu apple macintosh iphone
android google yahoo hotmail facebook twitter myspace youtube instagram tiktok snapchat netflix
amazon microsoft office server network system security secret1 secret123 private public hidden
mypassword mypass yourpassword thepassword newpassword oldpassword passpass password12 password2
password3 password01 password99 password2020 password2021 password2022 password2023 password2024
password2025 password! passwort passwort1 hallo hallo123 schatz schatzi fussball sommer sonne
blume katze hund liebe contrasena contraseña hola hola123 amor amor123 tequiero teamo teamo123
mexico argentina espana españa brasil brazil italia italy portugal senha senha123 qwerty12
qwerty1234 qwerty12345 qwertz qwertz123 ytrewq asdf qwer zxcv 1qw23e 1q2w3e4r5t6y zaq12345
qazxsw qazwsx123 qweqwe asdasd zxczxc 123asd asd123 qwe qweasd123 qwerty7 qwerty69 abc abc12345
abcde abcde12345 a1b2c3 a1b2c3d4 a1b2c3d4e5 1a2b3c 1a2b3c4d aabbcc 123abc123 asdfghjkl1
poiuytreza poiuytrewq mnbvcxz lkjhgfdsa 147896325 1472583690 753951 951753 852456 456852 258456
159951 357159 123698745 741258963 369258147 1236987 25802580 14789632 963258741 2580 5201314
520520 1314520 woaini 5211314 aini1314 88888 8888 6666 66666 6666666 99999999 999999999
12345678a 12345qwert 12345qwerty 123qwe123 1qazxsw23edc 123654789 1237894560 password0 pass123
pass1234 pass12345 passwd pwd123 pwd 1password mdp azerty12 azerty2 azertyuiop123 azerty01
azertyazerty 123azerty azerty13 azertyui1 azer azertt azerty00 azerty007 azerty789 azerty456
azerty321 soleil01 soleil13 soleil12 soleil2000 soleil2020 doudou01 doudou13 loulou13 chouchou13
marseille2020 paris2024 paris123 olympiquedemarseille bonheur bonheur1 liberte1 victoire
victoria1 vive lavie lavieestbelle carpediem hakunamatata azertyqwerty ordinateur informatique
clavier souris portable telephone bienvenue bienvenu salut salut123 merci merci123 adieu
mercibeaucoup jesuis jesuislà moi moimeme toietmoi nousdeux pourtoujours iloveu ilovehim
iloveher iloveme iloveyou! loveyou1 love123 love1234 lovelove lover lovers loving mylove mylove1
lovebug babygirl babygirl1 babyboy baby baby123 babe sweetheart sweetie sweety honey honey1
darling precious beautiful pretty sexy sexy1 hottie1 cutie cutie1 angelbaby princesa princess123
prince1 king kingkong queen queenie lady lady123 boss bossman chief captain1 major general
sergeant soldier army navy marines police fireman doctor nurse teacher student school college
university science physics math history english french spanish german monday tuesday friday
sunday saturday january february march april may june july august september october november
december spring autumn fall summer1 winter1 summer2020 summer2021 summer2022 summer2023
summer2024 winter2020 winter2021 winter2022 winter2023 winter2024 spring2024 1990 1991 1992 1993
1994 1995 1996 1997 1998 1999 2001 2002 2003 2004 2005 2006 2007 2008 2009 2010 2011 2012 2013
2014 2015 2016 2017 2018 2019 2020 2021 2022 2023 2024 2025 19841984 19851985 19861986 19871987
19881988 19891989 19901990 20002000 20202020 01012000 01011990 01011980 12121990 black blue red
green white pink gray grey brown violet golden1 silver1 diamond1 crystal1 pearl ruby emerald
sapphire jade1 amber onyx platinum money1 money123 cash dollar dollars rich million millionaire
bitcoin crypto ethereum wallet bank banking finance investor trader stocks gold tirelire
tirelire1 cochon cochonnet epargne economie budget compte banque argent euro euros sous fric
thune pognon flouze oseille cookie1 cookies candy sugar chocolate vanilla strawberry cherry
peach apple1 orange1 lemon mango kiwi pineapple coconut banana1 pizza burger hotdog taco sushi
pasta bacon cheese1 butter bread coffee1 tea beer vodka1 whiskey tequila martini wine champagne
party party1 music music1 rock rocknroll metal metallica slipknot nirvana beatles eminem rihanna
beyonce madonna britney justinbieber onedirection elvis jackson1 michaeljackson tupac drake
shakira adele taylorswift basketball soccer1 hockey1 golf golfer1 tennis2 running runner
swimming skate skater surfer surfing snowboard skiing fishing1 hunting hunter1 horses horse pony
cowgirl cowboy1 cattle farmer farm tractor truck chevy ford dodge honda nissan mazda subaru bmw
audi volkswagen peugeot renault citroen porsche1 ferrari1 lamborghini bugatti mustang1 camaro1
corvette1 harley1 ducati kawasaki suzuki yamaha1 motocross racing speed fast turbo nitro rocket
jet pilot airplane flying eagle eagles1 hawk raven crow phoenix1 griffin dragonfly firefly fire
water earth wind storm thunder1 lightning tornado hurricane blizzard snow ice frost shadow123
darkness dark darkside devil demon satan hell666 lucifer angel123 heaven1 paradise eden adam eve
abraham moses david goliath samson delilah mary joseph1 peter paul john matthew1 mark luke
michael1 jennifer1 jessica1 ashley1 amanda1 nicole1 daniel1 robert1 william1 richard1 thomas2
charles1 christopher chris1 james1 john123 david1 steven1 kevin1 jason jason1 brian eric1 scott
ryan jacob tyler zachary austin1 dylan1 ethan nathan1 justin1 brandon1 aaron adam1 alex
alexander alexis amber1 andrea1 angela1 anna1 annie april1 barbara betty brittany carol carolina
cassie cindy claire crystal2 cynthia dana debbie denise diana donna elizabeth ellen emily emma1
erica erin eva fiona gloria hailey helen holly irene jackie jamie jane janet jenny jill joanna
jodie julia julie karen kate katie kelly kim kimberly kristen laura1 leslie linda lisa lucy lynn
maria marie melissa1 megan mia molly monica nancy natalie nina olivia paige pamela patty paula
rachel1 rebecca sabrina sally samantha1 sandy sara sarah1 shelby sierra stacy stephanie1 susan
sydney tammy tanya tara tiffany tina tracy valerie1 vanessa veronica wendy whitney zxcvbnm123
qazwsxedcrfv 1qaz@wsx !qaz2wsx 1qaz!qaz qwerty! qwerty!1 123456! 123456789! abc123! password1!
p@ssw0rd1 p@ssw0rd! passw0rd1 pa55w0rd p4ssw0rd p455w0rd l3tm31n 1l0v3y0u s3cr3t adm1n r00t
trustno1! letmein! welcome! welcome2024 welcome2023 bienvenue1 bienvenue123 motdepasse!
motdepasse2024 motdepasse01 mdp2024 azerty! azerty123! soleil! changeme1 changeme123 temp
temp123 temporary test123 test1234 testing testtest tester demo demo123 sample example
qwerty2024 qwerty2023 iloveyou123 iloveyou1234 123456789a 123456789q a123456789 q123456789
1234567890a 1234567890q qwerty123456 qwerty1234567890 azerty123456 azerty1234567890
motdepasse1234 password1234 password12345 password123456 passwordpassword motdepassemotdepasse
qwertyqwerty 123456123456 abc123abc123 123456789abc abcdefghijk abcdefghijkl
abcdefghijklmnopqrstuvwxyz zyxwvutsrqponmlkjihgfedcba 12345678910111213 12345678901 123456789012
1234567890123 0987654321a qwertyuiopasdfghjkl azertyuiopqsdfghjklm 1q2w3e4r5t6y7u8i9o0p
1q2w3e4r5t6y7u 1q2w3e4r5 qwert qwert123 trewq asdfg asdfg123 zxcvb zxcvb123 yxcvbnm yxcvbn ghjkl
poiuy lkjhg jesuisla jesuisbeau jesuisbelle moncheri machérie macherie monamour monbebe mabelle
belle beau bogoss bg beaugosse bellegosse gentil mechant doudoune nounours1 peluche bisounours
titeuf asterix obelix tintin milou capitainehaddock spirou gaston lucky schtroumpf smurf
barbapapa casimir babar kirikou goldorak albator candy1 heidi cendrillon blancheneige stitch
simba nemo dory shrek fiona1 toystory woody buzz cars mcqueen elsa olaf anna2 frozen moana mulan
ariel belle1 aurora rapunzel jasmine1 aladdin jafar genie mickey1 minnie donald goofy pluto
daisy disney
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));

// Digits, punctuation and symbols people tack on to satisfy a composition rule.
const DECORATION_AT_END = /[\p{N}\p{P}\p{S}\s]+$/u;
const DECORATION_AT_START = /^[\p{N}\p{P}\p{S}\s]+/u;
/** Too short to judge once stripped: "a2024!" must not reject every password ending in a year. */
const MIN_STRIPPED_LENGTH = 4;

/**
 * True for a listed password, a listed word with decoration around it ("2024Motdepasse!"), or a
 * single repeated character. Case-insensitive: "Azerty123" is no stronger than "azerty123".
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.normalize('NFC').toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return true;
  if (/^(.)\1*$/su.test(lower)) return true;
  const stripped = lower.replace(DECORATION_AT_END, '').replace(DECORATION_AT_START, '');
  return [...stripped].length >= MIN_STRIPPED_LENGTH && COMMON_PASSWORDS.has(stripped);
}
