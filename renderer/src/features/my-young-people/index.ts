// What other features use of My young people: the home screen links to it.
export { MyYoungPeopleLink } from './MyYoungPeopleLink';
