import { Field, InputType } from 'type-graphql';
import { DateTimeScalar } from './date-time.scalar.js';
import { ArticleFormat } from './enums.js';

/** Declared for Mutation.ingestArticle (not wired yet; see schema.ts). */
@InputType('IngestArticleInput', {
  description: 'An article to ingest; what is given here wins over what the text says.',
})
export class IngestArticleInput {
  @Field(() => String)
  text!: string;

  @Field(() => ArticleFormat, { nullable: true, description: 'Detected from the text when absent.' })
  format?: ArticleFormat | null;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  publisher?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  publishedAt?: Date | null;
}
