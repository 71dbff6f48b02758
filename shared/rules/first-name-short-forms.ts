/**
 * Common English first names and the short forms people go by, for the restriction check (DESIGN
 * rule 6: "match names with aliases and near-spellings, not only exact text"). Written by hand for
 * the names care staff in UK homes meet most; it is data, not a rule, so adding a group here is
 * the whole of teaching the check a new short form.
 *
 * How it is read (see `name-matching.ts`):
 * - Two first names match as a "short form" when some group holds both. Groups may overlap ("Sam"
 *   is in Samantha's and in Samuel's), and that is the point: Sam matches both, but Samantha never
 *   matches Samuel, because no one group holds the two of them.
 * - Groups are looked up by spelling and by sound-alike key too, so a listed form also covers its
 *   spellings ("Johnny" also covers "Jonny" and "Jonnie"). List the spellings anyway where they
 *   differ in sound or in more than a letter.
 * - Leave a name out rather than guess: a group that is too wide makes the door cry wolf (every
 *   "Lisa" flagged as an "Elizabeth"), and staff then stop reading the warnings. Names that are only
 *   historically related (Sean and John, Ian and John, Sandra and Alexandra) are left out for that
 *   reason.
 * - Write the names in lower case with plain letters: they go through the same normalising as
 *   what is typed at the door.
 */
export const firstNameShortForms: readonly (readonly string[])[] = [
  ['john', 'jon', 'jack', 'johnny', 'jonny', 'jock'],
  ['jonathan', 'jonathon', 'jon', 'jonny', 'jonty'],
  ['william', 'will', 'bill', 'billy', 'willy', 'willie', 'liam', 'wills'],
  ['robert', 'rob', 'robbie', 'robby', 'bob', 'bobby', 'bert'],
  ['elizabeth', 'elisabeth', 'liz', 'lizzie', 'lizzy', 'beth', 'betty', 'bet', 'betsy', 'eliza', 'libby', 'elsie'],
  ['margaret', 'maggie', 'mags', 'peggy', 'meg', 'marge', 'margie', 'madge'],
  ['katherine', 'catherine', 'kathryn', 'kate', 'katie', 'kathy', 'cathy', 'kath', 'cath', 'kat', 'kitty'],
  ['michael', 'mike', 'mick', 'micky', 'mickey', 'mikey'],
  ['richard', 'rick', 'ricky', 'rich', 'richie', 'dick', 'dickie'],
  ['james', 'jim', 'jimmy', 'jamie', 'jem'],
  ['anthony', 'antony', 'tony', 'ant'],
  ['thomas', 'tom', 'tommy', 'thom'],
  ['christopher', 'chris', 'kit', 'christy'],
  ['christine', 'christina', 'chris', 'chrissy', 'tina'],
  ['daniel', 'dan', 'danny'],
  ['danielle', 'dani'],
  ['david', 'dave', 'davy', 'davie'],
  ['stephen', 'steven', 'steve', 'stevie'],
  ['stephanie', 'steph'],
  ['alexander', 'alex', 'alec', 'sandy', 'xander'],
  ['alexandra', 'alex', 'lexi', 'sandy'],
  ['rebecca', 'becky', 'becca', 'bex'],
  ['samantha', 'sam', 'sammy'],
  ['samuel', 'sam', 'sammy'],
  ['victoria', 'vicky', 'vicki', 'tori', 'vic'],
  ['jennifer', 'jen', 'jenny'],
  ['patricia', 'pat', 'tricia', 'trish', 'patty'],
  ['patrick', 'pat', 'paddy'],
  ['joseph', 'joe', 'joey'],
  ['josephine', 'jo', 'josie'],
  ['joanne', 'joanna', 'jo'],
  ['edward', 'ed', 'eddie', 'ted', 'teddy', 'ned'],
  ['benjamin', 'ben', 'benny', 'benji'],
  ['matthew', 'matt', 'matty'],
  ['andrew', 'andy', 'drew'],
  ['nicholas', 'nick', 'nicky'],
  ['nicola', 'nicky', 'nikki', 'nic'],
  ['charles', 'charlie', 'chas', 'chaz'],
  ['charlotte', 'charlie', 'lottie'],
  ['henry', 'harry', 'hal'],
  ['harold', 'harry', 'hal'],
  ['frederick', 'fred', 'freddie', 'freddy'],
  ['francis', 'frank', 'frankie', 'fran'],
  ['frances', 'fran', 'frankie'],
  ['susan', 'sue', 'susie', 'suzy'],
  ['deborah', 'debra', 'debbie', 'deb'],
  ['kimberley', 'kimberly', 'kim'],
  ['lawrence', 'laurence', 'larry', 'laurie'],
  ['leonard', 'len', 'lenny'],
  ['peter', 'pete'],
  ['philip', 'phillip', 'phil', 'pip'],
  ['raymond', 'ray'],
  ['ronald', 'ron', 'ronnie'],
  ['donald', 'don', 'donny'],
  ['gerald', 'gerard', 'gerry', 'jerry', 'ged'],
  ['terence', 'terrence', 'terry'],
  ['timothy', 'tim', 'timmy'],
  ['kenneth', 'ken', 'kenny'],
  ['gregory', 'greg'],
  ['jacqueline', 'jackie', 'jacqui'],
  ['abigail', 'abbie', 'abby'],
  ['amanda', 'mandy'],
  ['barbara', 'barb', 'babs'],
  ['dorothy', 'dot', 'dottie', 'dolly'],
  ['eleanor', 'elinor', 'ellie', 'nell', 'nellie'],
  ['jessica', 'jess', 'jessie'],
  ['nathan', 'nathaniel', 'nat', 'nate'],
  ['natalie', 'nat'],
  ['jacob', 'jake'],
  ['zachary', 'zach', 'zack', 'zak'],
  ['oliver', 'ollie', 'olly'],
  ['isabel', 'isobel', 'isabella', 'izzy', 'issy', 'bella'],
  ['ann', 'anne', 'annie'],
  ['mary', 'molly'],
  ['sarah', 'sally', 'sal'],
  ['amy', 'aimee', 'amie'],
  ['zoe', 'zoey'],
  ['sean', 'shaun', 'shawn'],
  ['lewis', 'louis', 'lou'],
  ['lesley', 'leslie', 'les'],
  ['lee', 'leigh'],
  ['geoffrey', 'jeffrey', 'geoff', 'jeff'],
  ['ian', 'iain'],
  ['mohammed', 'muhammad', 'mohammad', 'mohamed', 'mo'],
  ['kieran', 'ciaran', 'kieron'],
  ['aiden', 'aidan', 'aden'],
  ['connor', 'conor'],
  ['callum', 'calum', 'cal'],
  ['jayden', 'jaden', 'jaiden'],
  ['theresa', 'teresa', 'tess', 'tessa', 'terri'],
];
